package io.omskit.core;

import com.google.common.hash.Hashing;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.spi.EventPublisher;
import io.omskit.core.spi.InventoryStore;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.SpiException;
import io.omskit.core.spi.TransferRepository;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferEvent;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferLine;
import io.omskit.core.transfer.TransferRequest;
import io.omskit.core.transfer.TransferResult;
import io.omskit.core.transfer.TransferStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Moves stock between locations, to restock a store or move surplus. Reach it through {@link Oms#transfers()}.
 *
 * <p>What each step does to the stock, so that unified stock and ATP see the units all the way:
 * <ul>
 * <li><b>request</b>: the units are allocated at the source (no longer available to sell there) and announced at the
 *     destination as inbound supply with the expected arrival ({@code InventoryStore#inbound}), which ATP promises from;</li>
 * <li><b>ship</b>: the units leave the source's stock (in transit; still inbound at the destination);</li>
 * <li><b>receive</b>: the units counted in become stock on hand at the destination, all at once or over several
 *     receipts (each under its own key); units not counted in stay inbound;</li>
 * <li><b>close short</b>: the units that never arrived are written off as lost in transit: no longer inbound at the
 *     destination (they left the source's stock when shipped);</li>
 * <li><b>cancel</b> (before shipping): the units are free at the source again and no longer expected.</li>
 * </ul>
 * Every stock movement is keyed by the transfer and the step, and the transfer's saved step is the commitment: calling a
 * step again (a retry after a failure at any point) finds it applied and finishes the stock movements it started;
 * {@link #sync(TransferId)} does the same for a call nobody retried. Inbound supply and allocations carry the reference
 * {@code transfer:<id>}. Thread-safe.
 */
public final class Transfers {

    private static final int MAX_CONFLICT_RETRIES = 8;

    private final InventoryStore inventory;
    private final Network network;
    private final TransferRepository repository;
    private final EventPublisher events;
    private final Clock clock;

    Transfers(InventoryStore inventory, Network network, TransferRepository repository, EventPublisher events, Clock clock) {
        this.inventory = inventory;
        this.network = network;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The transfer; empty when unknown. */
    public Optional<Transfer> find(TransferId id) {
        return repository.find(Checks.notNull(id, "transferId"));
    }

    /**
     * The transfer.
     *
     * @throws IllegalArgumentException when it is unknown
     */
    public Transfer get(TransferId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("transferId " + id + " is not a known transfer"));
    }

    /**
     * Transfers on their way to {@code destination} (requested, shipped or part received), earliest expected arrival
     * first, at most {@code limit}.
     */
    public List<Transfer> inboundTo(LocationId destination, int limit) {
        Checks.notNull(destination, "destination");
        Checks.positive(limit, "limit");
        List<Transfer> all = new ArrayList<>(repository.inbound(destination, TransferStatus.SHIPPED, limit));
        all.addAll(repository.inbound(destination, TransferStatus.PART_RECEIVED, limit));
        all.addAll(repository.inbound(destination, TransferStatus.REQUESTED, limit));
        all.sort(java.util.Comparator.comparing(Transfer::expectedArrival).thenComparing(Transfer::id));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /**
     * Requests a transfer: holds its units at the source and announces them at the destination. Requesting the same id
     * again returns the transfer requested the first time (and finishes its stock movements if that call was
     * interrupted).
     *
     * @return requested, or refused with the shortages when the source cannot spare the units (nothing changed then)
     * @throws ValidationException listing every problem of the request: unknown locations, a destination that receives
     *                             no transfers, the same location twice, no lines or a SKU twice, an arrival before now
     * @throws IllegalArgumentException when the id was used for a different transfer
     * @throws SpiException when an adapter failed: requesting again finishes the work
     */
    public TransferResult request(TransferRequest request) {
        Checks.notNull(request, "request");
        Optional<Transfer> existing = repository.find(request.id());
        if (existing.isPresent()) {
            Transfer t = existing.get();
            if (!t.from().equals(request.from()) || !t.to().equals(request.to()) || !t.lines().equals(request.lines())) {
                throw new IllegalArgumentException("transferId " + request.id() + " was used for " + t.lines() + " from "
                        + t.from() + " to " + t.to() + ", now " + request.lines() + " from " + request.from() + " to "
                        + request.to());
            }
            return new TransferResult.Requested(settle(flushed(t)), true);
        }
        validate(request);
        Change<Transfer, TransferEvent> requested = Transfer.request(request.id(), request.from(), request.to(),
                request.reason(), request.lines(), request.expectedArrival(), clock.instant());
        AllocationResult held = inventory.allocate(new AllocationRequest(allocationKey(request.id()), reference(request.id()),
                allocationLines(requested.state()), null));
        if (held instanceof AllocationResult.Insufficient insufficient) {
            return new TransferResult.Refused(insufficient.shortages());
        }
        announce(requested.state());
        if (save(requested) == SaveOutcome.SAVED) {
            publish(requested.events());
            return new TransferResult.Requested(requested.state(), false);
        }
        // another call with the same id saved first: answer as it did
        return new TransferResult.Requested(settle(get(request.id())), true);
    }

    /**
     * The units left the source in {@code shipment}: they leave its stock, in transit, still inbound at the destination.
     * A repeated call changes nothing more.
     *
     * @throws io.omskit.core.transfer.IllegalTransferTransitionException when it is not requested (cancelled, received)
     */
    public Transfer ship(TransferId id, ShipmentDetails shipment) {
        Checks.notNull(shipment, "shipment");
        return step(id, TransferStatus.SHIPPED, t -> t.ship(shipment, clock.instant()));
    }

    /**
     * Every unit still expected arrived: they are on hand at the destination. A repeated call changes nothing more.
     *
     * @throws io.omskit.core.transfer.IllegalTransferTransitionException when it has not shipped, or was cancelled or
     *                                                                    closed short
     */
    public Transfer receive(TransferId id) {
        return step(id, TransferStatus.RECEIVED, t -> t.receive(clock.instant()));
    }

    /**
     * Units counted in at the destination under {@code receiptKey}: they are on hand there at once; the transfer is
     * received when they are all the units still expected, part received otherwise (the rest still inbound, for a later
     * receipt or {@link #closeShort}). Receiving again under the same key with the same lines answers the transfer as
     * it is (and finishes the stock movements of an interrupted call).
     *
     * @param receiptKey the count's key (a delivery note, a scan session), 1 to 100 characters
     * @param counted    units per SKU, each SKU once, none beyond what is still expected
     * @throws ValidationException naming the field, value and rule when the key or a line is wrong (a SKU not on the
     *                             transfer or counted beyond the units still expected, a key used for other lines);
     *                             nothing changed
     * @throws io.omskit.core.transfer.IllegalTransferTransitionException when it has not shipped, or is received,
     *                                                                    closed short or cancelled
     */
    public Transfer receive(TransferId id, String receiptKey, List<TransferLine> counted) {
        String keyProblem = receiptKey == null || receiptKey.isBlank() ? "must not be blank"
                : Checks.textProblem(receiptKey, io.omskit.core.transfer.TransferReceipt.MAX_KEY_LENGTH, false);
        if (keyProblem != null) {
            throw new ValidationException("receipt of transfer " + id, List.of(new Problem("receiptKey", Checks.quote(receiptKey), keyProblem)));
        }
        if (counted == null || counted.isEmpty() || counted.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException("receipt of transfer " + id, List.of(new Problem("lines", String.valueOf(counted),
                    "must hold at least one line and no null")));
        }
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Transfer current = get(id);
            Optional<io.omskit.core.transfer.TransferReceipt> done = current.receipt(receiptKey);
            if (done.isPresent()) {
                if (!done.get().lines().equals(List.copyOf(counted))) {
                    throw new ValidationException("receipt of transfer " + id, List.of(new Problem("receiptKey",
                            Checks.quote(receiptKey), "was used for " + done.get().lines() + ", now " + counted)));
                }
                return settle(flushed(current));
            }
            List<Problem> problems = countProblems(current, counted);
            if (!problems.isEmpty()) {
                throw new ValidationException("receipt of transfer " + id, problems);
            }
            Change<Transfer, TransferEvent> change = current.receive(receiptKey, counted, clock.instant());
            if (save(change) == SaveOutcome.SAVED) {
                publish(change.events());
                return settle(change.state());
            }
        }
        throw new SpiException("transfer " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES
                + " attempts", null, true);
    }

    /**
     * Closes a shipped transfer whose remaining units will not arrive: they are written off as lost in transit and no
     * longer expected at the destination; what was received stays on hand. A repeated call changes nothing more.
     *
     * @param reason why, for people: 1 to 200 characters
     * @throws io.omskit.core.transfer.IllegalTransferTransitionException when it has not shipped, or is received or
     *                                                                    cancelled
     */
    public Transfer closeShort(TransferId id, String reason) {
        return step(id, TransferStatus.CLOSED_SHORT, t -> t.closeShort(reason, clock.instant()));
    }

    /**
     * Calls the transfer off before it left: its units are free at the source again and no longer expected at the
     * destination. A repeated call changes nothing more.
     *
     * @throws io.omskit.core.transfer.IllegalTransferTransitionException when it has shipped already
     */
    public Transfer cancel(TransferId id, String reason) {
        return step(id, TransferStatus.CANCELLED, t -> t.cancel(reason, clock.instant()));
    }

    /**
     * Brings the stock in line with the transfer's status (the movements an interrupted call left undone) and publishes
     * the events of its last step again: for a sweep after a crash; in the normal path it finds nothing to do.
     *
     * @throws IllegalArgumentException when the transfer is unknown
     */
    public Transfer sync(TransferId id) {
        Transfer t = get(id);
        events.publish(t.pendingEvents());
        return settle(t);
    }

    // ---- internals ----

    private Transfer step(TransferId id, TransferStatus target, Function<Transfer, Change<Transfer, TransferEvent>> command) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Transfer current = get(id);
            if (current.status() == target) {
                return settle(flushed(current));
            }
            Change<Transfer, TransferEvent> change = command.apply(current);
            if (save(change) == SaveOutcome.SAVED) {
                publish(change.events());
                return settle(change.state());
            }
        }
        throw new SpiException("transfer " + id + " kept changing concurrently; gave up after " + MAX_CONFLICT_RETRIES
                + " attempts", null, true);
    }

    private Transfer flushed(Transfer t) {
        // a retry cannot know whether the first call published: at least once, consumers drop duplicates by event id
        if (!repository.storesEvents()) {
            events.publish(t.pendingEvents());
        }
        return t;
    }

    /** Makes every stock movement of the transfer's status that is not made yet; each is keyed, so replays are no-ops. */
    private Transfer settle(Transfer t) {
        switch (t.status()) {
            case REQUESTED -> announce(t);
            case SHIPPED -> {
                announce(t);
                shipFromSource(t);
            }
            case PART_RECEIVED, RECEIVED, CLOSED_SHORT -> {
                announce(t);
                shipFromSource(t);
                if (t.receipts().isEmpty() && t.status() == TransferStatus.RECEIVED) {
                    for (TransferLine l : t.lines()) { // received in one step before receipts were recorded
                        adjust(t, l, MovementReason.INBOUND_RECEIVED, "receive");
                    }
                }
                for (io.omskit.core.transfer.TransferReceipt r : t.receipts()) {
                    for (TransferLine l : r.lines()) {
                        adjust(t, l, MovementReason.INBOUND_RECEIVED, "receipt\u0000" + r.key());
                    }
                }
                for (TransferLine l : t.lost()) {
                    adjust(t, l, MovementReason.INBOUND_CANCELLED, "lost");
                }
            }
            case CANCELLED -> {
                inventory.findAllocation(allocationKey(t.id())).ifPresent(held -> {
                    for (TransferLine l : t.lines()) {
                        int open = openUnits(held, l, t.from());
                        if (open > 0) {
                            inventory.deallocate(allocationKey(t.id()), l.sku(), t.from(), open);
                        }
                    }
                });
                for (TransferLine l : t.lines()) {
                    if (announced(t, l)) {
                        adjust(t, l, MovementReason.INBOUND_CANCELLED, "cancel");
                    }
                }
            }
        }
        return t;
    }

    private void announce(Transfer t) {
        for (TransferLine l : t.lines()) {
            StockAdjustment a = new StockAdjustment(movementKey(t.id(), "announce", l), l.sku(), t.to(),
                    MovementReason.INBOUND_EXPECTED, l.quantity(), t.expectedArrival(), reference(t.id()));
            moved(require(inventory.adjust(a), t));
        }
    }

    private void adjust(Transfer t, TransferLine l, MovementReason reason, String step) {
        StockAdjustment a = new StockAdjustment(movementKey(t.id(), step, l), l.sku(), t.to(), reason, l.quantity(), null,
                reference(t.id()));
        moved(require(inventory.adjust(a), t));
    }

    private java.util.function.Consumer<io.omskit.core.inventory.StockMovement> supplyMoved;

    /** Tells {@code listener} every inbound movement a transfer books (receipts fill backorders). */
    void onSupplyMoved(java.util.function.Consumer<io.omskit.core.inventory.StockMovement> listener) {
        this.supplyMoved = listener;
    }

    private void moved(AdjustmentResult result) {
        // replays too: a retry after a failure in the listener finishes its work (the listener is idempotent)
        if (supplyMoved != null && result instanceof AdjustmentResult.Applied applied) {
            supplyMoved.accept(applied.movement());
        }
    }

    private void shipFromSource(Transfer t) {
        for (TransferLine l : t.lines()) {
            inventory.ship(allocationKey(t.id()), l.sku(), t.from(), l.quantity(), movementKey(t.id(), "ship", l));
        }
    }

    private boolean announced(Transfer t, TransferLine l) {
        MovementKey key = movementKey(t.id(), "announce", l);
        return inventory.movements(l.sku(), t.to()).stream().anyMatch(m -> m.key().equals(key));
    }

    private static int openUnits(Allocation held, TransferLine l, LocationId at) {
        int open = 0;
        for (AllocationLine a : held.open()) {
            if (a.sku().equals(l.sku()) && a.location().equals(at)) {
                open += a.quantity();
            }
        }
        return open;
    }

    private static AdjustmentResult require(AdjustmentResult result, Transfer t) {
        if (result instanceof AdjustmentResult.Refused refused) {
            throw new IllegalStateException("transfer " + t.id() + ": the stock movement " + refused.adjustment().key()
                    + " was refused: " + refused.reason());
        }
        return result;
    }

    private static List<Problem> countProblems(Transfer t, List<TransferLine> counted) {
        if (t.status() != TransferStatus.SHIPPED && t.status() != TransferStatus.PART_RECEIVED) {
            return List.of(); // the transition refuses it with its own exception
        }
        return t.receiptProblems(counted);
    }

    private void validate(TransferRequest r) {
        List<Problem> problems = new ArrayList<>();
        Instant now = clock.instant();
        if (r.from().equals(r.to())) {
            problems.add(new Problem("to", r.to().value(), "must differ from the source"));
        }
        if (network.find(r.from()).isEmpty()) {
            problems.add(new Problem("from", r.from().value(), "must be a location of the network"));
        }
        Optional<Location> to = network.find(r.to());
        if (to.isEmpty()) {
            problems.add(new Problem("to", r.to().value(), "must be a location of the network"));
        } else if (to.get().type() == LocationType.STORE && !to.get().can(Capability.RECEIVE_TRANSFER)) {
            problems.add(new Problem("to", r.to().value(), "must be a store that receives transfers"));
        }
        if (r.lines().isEmpty()) {
            problems.add(new Problem("lines", "[]", "must not be empty"));
        }
        Set<io.omskit.core.catalog.Sku> skus = new java.util.HashSet<>();
        for (TransferLine l : r.lines()) {
            if (!skus.add(l.sku())) {
                problems.add(new Problem("lines", l.sku().value(), "must name each SKU once"));
            }
        }
        if (r.expectedArrival().isBefore(now)) {
            problems.add(new Problem("expectedArrival", r.expectedArrival().toString(), "must not be before now, " + now));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("transfer " + r.id(), problems);
        }
    }

    private static List<AllocationLine> allocationLines(Transfer t) {
        List<AllocationLine> lines = new ArrayList<>();
        for (TransferLine l : t.lines()) {
            lines.add(AllocationLine.of(l.sku(), t.from(), l.quantity()));
        }
        return lines;
    }

    private SaveOutcome save(Change<Transfer, TransferEvent> change) {
        return repository.storesEvents() ? repository.save(change.state(), change.events()) : repository.save(change.state());
    }

    private void publish(List<TransferEvent> raised) {
        if (!repository.storesEvents()) {
            events.publish(raised);
        }
    }

    /** The reference of a transfer's allocation and inbound supply. */
    static String reference(TransferId id) {
        return "transfer:" + id.value();
    }

    private static AllocationKey allocationKey(TransferId id) {
        return AllocationKey.of("trf-" + digest(id.value()));
    }

    private static MovementKey movementKey(TransferId id, String step, TransferLine l) {
        return MovementKey.of("trf-" + digest(id.value() + '\u0000' + step + '\u0000' + l.sku().value()));
    }

    private static String digest(String text) {
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 40);
    }
}
