package io.omskit.core.transfer;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Problem;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.event.EventIds;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A transfer of stock from one location to another. Immutable; every command returns a {@link Change} with the transfer
 * one version on and the one event it raised, and refuses (with {@link IllegalTransferTransitionException}, nothing
 * changed) what its {@link TransferStatus} does not allow.
 *
 * @param id              identity, the host's key
 * @param version         1 when requested, one more after every command
 * @param from            where the units leave
 * @param to              where they arrive
 * @param reason          why they move
 * @param lines           the units per SKU, each SKU once
 * @param status          where it is in its lifecycle
 * @param expectedArrival when the units are expected at {@code to}
 * @param shipment        the consignment it left in; null until shipped
 * @param requestedAt     when it was requested
 * @param history         every event it raised, oldest first
 * @param receipts        the counts that took units in at the destination, oldest first; empty before the first (and
 *                        in transfers received in one step before receipts were recorded)
 * @param lost            the units written off as lost in transit when the transfer was closed short; empty otherwise
 */
public record Transfer(TransferId id, long version, LocationId from, LocationId to, TransferReason reason,
                       List<TransferLine> lines, TransferStatus status, Instant expectedArrival, ShipmentDetails shipment,
                       Instant requestedAt, List<TransferEvent> history, List<TransferReceipt> receipts,
                       List<TransferLine> lost) {

    public Transfer {
        Checks.notNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version of transfer " + id + " must be >= 1, was " + version);
        }
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("to of transfer " + id + " must differ from its source " + from);
        }
        Checks.notNull(reason, "reason");
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines of transfer " + id + " must not be empty");
        }
        Set<Sku> skus = new HashSet<>();
        for (TransferLine l : lines) {
            if (!skus.add(l.sku())) {
                throw new IllegalArgumentException("lines of transfer " + id + " must name each SKU once, " + l.sku()
                        + " appears twice");
            }
        }
        Checks.notNull(status, "status");
        Checks.moment(Checks.notNull(expectedArrival, "expectedArrival"), "expectedArrival");
        Checks.notNull(requestedAt, "requestedAt");
        history = history == null ? List.of() : List.copyOf(history);
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
        lost = lost == null ? List.of() : List.copyOf(lost);
    }

    /**
     * A new transfer, requested.
     *
     * @throws IllegalArgumentException naming the field when the locations are the same, the lines empty or a SKU
     *                                  repeated, or the expected arrival is before the request
     */
    public static Change<Transfer, TransferEvent> request(TransferId id, LocationId from, LocationId to, TransferReason reason,
                                                          List<TransferLine> lines, Instant expectedArrival, Instant now) {
        Checks.notNull(expectedArrival, "expectedArrival");
        if (expectedArrival.isBefore(now)) {
            throw new IllegalArgumentException("expectedArrival of transfer " + id + " must not be before its request at "
                    + now + ", was " + expectedArrival);
        }
        Transfer t = new Transfer(id, 1, from, to, reason, lines, TransferStatus.REQUESTED, expectedArrival, null, now,
                List.of(), List.of(), List.of());
        TransferEvent e = new TransferEvent.TransferRequested(EventIds.next(), id, 1, now, from, to, reason, t.lines,
                expectedArrival);
        return new Change<>(t.with(TransferStatus.REQUESTED, null, e), List.of(e));
    }

    /** Units of all lines together. */
    public int quantity() {
        int n = 0;
        for (TransferLine l : lines) {
            n += l.quantity();
        }
        return n;
    }

    /** The events of the command that produced this version: what is still to be published after a failed call. */
    public List<TransferEvent> pendingEvents() {
        List<TransferEvent> pending = new ArrayList<>(1);
        for (TransferEvent e : history) {
            if (e.version() == version) {
                pending.add(e);
            }
        }
        return pending;
    }

    /** The units left the source in {@code shipment}. */
    public Change<Transfer, TransferEvent> ship(ShipmentDetails shipment, Instant now) {
        require(TransferStatus.REQUESTED, "ship");
        Checks.notNull(shipment, "shipment");
        return next(TransferStatus.SHIPPED, shipment, receipts, lost,
                new TransferEvent.TransferShipped(EventIds.next(), id, version + 1, now, shipment));
    }

    /** The receipt recorded under {@code key}; empty when none. */
    public Optional<TransferReceipt> receipt(String key) {
        for (TransferReceipt r : receipts) {
            if (r.key().equals(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Units of {@code sku} counted in at the destination so far. */
    public int received(Sku sku) {
        if (receipts.isEmpty() && status == TransferStatus.RECEIVED) {
            return quantity(lines, sku); // received in one step before receipts were recorded
        }
        int n = 0;
        for (TransferReceipt r : receipts) {
            n += r.quantity(sku);
        }
        return n;
    }

    /**
     * The units still expected at the destination, per SKU in line order: shipped or requested, not yet received and
     * not written off. Empty once the transfer is received, closed short or cancelled.
     */
    public List<TransferLine> outstanding() {
        if (status.isFinal()) {
            return List.of();
        }
        List<TransferLine> open = new ArrayList<>(lines.size());
        for (TransferLine l : lines) {
            int left = l.quantity() - received(l.sku());
            if (left > 0) {
                open.add(TransferLine.of(l.sku(), left));
            }
        }
        return open;
    }

    /**
     * Units counted in at the destination under {@code receiptKey}: when they are all the units still expected the
     * transfer is {@link TransferStatus#RECEIVED}, otherwise {@link TransferStatus#PART_RECEIVED} and the rest is still
     * expected (a later receipt, or {@link #closeShort}).
     *
     * @throws IllegalTransferTransitionException when it has not shipped, or is received, closed or cancelled
     * @throws IllegalArgumentException naming the line when a SKU is not on the transfer, named twice, or counted
     *                                  beyond the units still expected; or when the key was used already
     */
    public Change<Transfer, TransferEvent> receive(String receiptKey, List<TransferLine> counted, Instant now) {
        if (status != TransferStatus.SHIPPED && status != TransferStatus.PART_RECEIVED) {
            throw new IllegalTransferTransitionException(id, status, "receive");
        }
        if (receipt(receiptKey).isPresent()) {
            throw new IllegalArgumentException("receiptKey " + Checks.quote(receiptKey) + " of transfer " + id
                    + " was used already");
        }
        TransferReceipt receipt = new TransferReceipt(receiptKey, counted, now);
        if (receipt.lines().isEmpty()) {
            throw new IllegalArgumentException("lines of the receipt " + Checks.quote(receiptKey) + " of transfer " + id
                    + " must not be empty");
        }
        List<Problem> problems = receiptProblems(receipt.lines());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the receipt " + Checks.quote(receiptKey) + " of transfer " + id + ": " + problems);
        }
        List<TransferLine> open = outstanding();
        List<TransferReceipt> more = new ArrayList<>(receipts);
        more.add(receipt);
        boolean complete = true;
        for (TransferLine l : open) {
            if (receipt.quantity(l.sku()) < l.quantity()) {
                complete = false;
                break;
            }
        }
        TransferEvent e = complete
                ? new TransferEvent.TransferReceived(EventIds.next(), id, version + 1, now, receiptKey, receipt.lines())
                : new TransferEvent.TransferPartReceived(EventIds.next(), id, version + 1, now, receiptKey, receipt.lines());
        return next(complete ? TransferStatus.RECEIVED : TransferStatus.PART_RECEIVED, shipment, more, lost, e);
    }

    /**
     * What is wrong with counting {@code counted} in now, one problem per line (field {@code lines[SKU]}): a SKU named
     * twice, a SKU not on the transfer, more units than are still expected. Empty when the count may be received.
     */
    public List<Problem> receiptProblems(List<TransferLine> counted) {
        List<Problem> problems = new ArrayList<>();
        Set<Sku> seen = new HashSet<>();
        List<TransferLine> open = outstanding();
        for (TransferLine c : counted) {
            String field = "lines[" + c.sku() + "]";
            if (!seen.add(c.sku())) {
                problems.add(new Problem(field, String.valueOf(c.quantity()), "must name each SKU once"));
            } else if (quantity(lines, c.sku()) == 0) {
                problems.add(new Problem(field, String.valueOf(c.quantity()), "must be a SKU of transfer " + id));
            } else if (c.quantity() > quantity(open, c.sku())) {
                problems.add(new Problem(field, String.valueOf(c.quantity()), "must be at most the "
                        + quantity(open, c.sku()) + " units still expected"));
            }
        }
        return problems;
    }

    /**
     * The units arrived at the destination: every unit still expected, counted in under a key of its own.
     *
     * @throws IllegalTransferTransitionException when it has not shipped, or is received, closed or cancelled
     */
    public Change<Transfer, TransferEvent> receive(Instant now) {
        return receive("remaining-" + (receipts.size() + 1), outstanding(), now);
    }

    /**
     * Closes a shipped transfer whose remaining units will not arrive: they are written off as lost in transit, and
     * no longer expected at the destination.
     *
     * @param reason why, for people: 1 to 200 characters
     * @throws IllegalTransferTransitionException when it has not shipped, or is received, closed or cancelled
     */
    public Change<Transfer, TransferEvent> closeShort(String reason, Instant now) {
        if (status != TransferStatus.SHIPPED && status != TransferStatus.PART_RECEIVED) {
            throw new IllegalTransferTransitionException(id, status, "closeShort");
        }
        Checks.text(Checks.notBlank(reason, "reason"), "reason", 200);
        List<TransferLine> missing = outstanding();
        return next(TransferStatus.CLOSED_SHORT, shipment, receipts, missing,
                new TransferEvent.TransferClosedShort(EventIds.next(), id, version + 1, now, missing, reason));
    }

    /**
     * Called off before it left.
     *
     * @param reason why, for people: 1 to 200 characters
     */
    public Change<Transfer, TransferEvent> cancel(String reason, Instant now) {
        require(TransferStatus.REQUESTED, "cancel");
        Checks.text(Checks.notBlank(reason, "reason"), "reason", 200);
        return next(TransferStatus.CANCELLED, shipment, receipts, lost,
                new TransferEvent.TransferCancelled(EventIds.next(), id, version + 1, now, reason));
    }

    private void require(TransferStatus needed, String command) {
        if (status != needed) {
            throw new IllegalTransferTransitionException(id, status, command);
        }
    }

    private Change<Transfer, TransferEvent> next(TransferStatus to, ShipmentDetails newShipment,
                                                 List<TransferReceipt> newReceipts, List<TransferLine> newLost, TransferEvent e) {
        Transfer t = new Transfer(id, version + 1, from, this.to, reason, lines, to, expectedArrival, newShipment,
                requestedAt, history, newReceipts, newLost);
        return new Change<>(t.with(to, newShipment, e), List.of(e));
    }

    private Transfer with(TransferStatus s, ShipmentDetails newShipment, TransferEvent e) {
        List<TransferEvent> more = new ArrayList<>(history.size() + 1);
        more.addAll(history);
        more.add(e);
        return new Transfer(id, version, from, to, reason, lines, s, expectedArrival, newShipment, requestedAt, more,
                receipts, lost);
    }

    private static int quantity(List<TransferLine> lines, Sku sku) {
        for (TransferLine l : lines) {
            if (l.sku().equals(sku)) {
                return l.quantity();
            }
        }
        return 0;
    }
}
