package io.omskit.core.transfer;

import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.event.EventIds;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 */
public record Transfer(TransferId id, long version, LocationId from, LocationId to, TransferReason reason,
                       List<TransferLine> lines, TransferStatus status, Instant expectedArrival, ShipmentDetails shipment,
                       Instant requestedAt, List<TransferEvent> history) {

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
        Set<io.omskit.core.catalog.Sku> skus = new HashSet<>();
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
                List.of());
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
        return next(TransferStatus.SHIPPED, shipment,
                new TransferEvent.TransferShipped(EventIds.next(), id, version + 1, now, shipment));
    }

    /** The units arrived at the destination. */
    public Change<Transfer, TransferEvent> receive(Instant now) {
        require(TransferStatus.SHIPPED, "receive");
        return next(TransferStatus.RECEIVED, shipment, new TransferEvent.TransferReceived(EventIds.next(), id, version + 1, now));
    }

    /**
     * Called off before it left.
     *
     * @param reason why, for people: 1 to 200 characters
     */
    public Change<Transfer, TransferEvent> cancel(String reason, Instant now) {
        require(TransferStatus.REQUESTED, "cancel");
        Checks.text(Checks.notBlank(reason, "reason"), "reason", 200);
        return next(TransferStatus.CANCELLED, shipment,
                new TransferEvent.TransferCancelled(EventIds.next(), id, version + 1, now, reason));
    }

    private void require(TransferStatus needed, String command) {
        if (status != needed) {
            throw new IllegalTransferTransitionException(id, status, command);
        }
    }

    private Change<Transfer, TransferEvent> next(TransferStatus to, ShipmentDetails newShipment, TransferEvent e) {
        Transfer t = new Transfer(id, version + 1, from, this.to, reason, lines, to, expectedArrival, newShipment,
                requestedAt, history);
        return new Change<>(t.with(to, newShipment, e), List.of(e));
    }

    private Transfer with(TransferStatus s, ShipmentDetails newShipment, TransferEvent e) {
        List<TransferEvent> more = new ArrayList<>(history.size() + 1);
        more.addAll(history);
        more.add(e);
        return new Transfer(id, version, from, to, reason, lines, s, expectedArrival, newShipment, requestedAt, more);
    }
}
