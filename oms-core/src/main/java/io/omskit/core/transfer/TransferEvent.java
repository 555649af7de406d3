package io.omskit.core.transfer;

import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.network.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything that happens to a transfer: one event per transition. */
public sealed interface TransferEvent extends DomainEvent {

    /** The transfer it happened to. */
    TransferId transferId();

    @Override
    default String aggregateId() {
        return transferId().value();
    }

    /** A transfer was requested: its units are held at {@code from} and expected at {@code to} by {@code expectedArrival}. */
    record TransferRequested(UUID eventId, TransferId transferId, long version, Instant occurredAt, LocationId from,
                             LocationId to, TransferReason reason, List<TransferLine> lines, Instant expectedArrival)
            implements TransferEvent {
        public TransferRequested {
            Checks.notNull(from, "from");
            Checks.notNull(to, "to");
            Checks.notNull(reason, "reason");
            lines = List.copyOf(lines);
            Checks.notNull(expectedArrival, "expectedArrival");
        }
    }

    /** The units left the source in {@code shipment}. */
    record TransferShipped(UUID eventId, TransferId transferId, long version, Instant occurredAt, ShipmentDetails shipment)
            implements TransferEvent {
        public TransferShipped {
            Checks.notNull(shipment, "shipment");
        }
    }

    /**
     * The last units still expected arrived (counted in under {@code receiptKey}) and are on hand at the destination:
     * the transfer is complete. Events stored before receipts were recorded have an empty key and no lines (all units).
     */
    record TransferReceived(UUID eventId, TransferId transferId, long version, Instant occurredAt, String receiptKey,
                            List<TransferLine> lines) implements TransferEvent {
        public TransferReceived {
            receiptKey = receiptKey == null ? "" : receiptKey;
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** Some of the units arrived (counted in under {@code receiptKey}) and are on hand; the rest are still expected. */
    record TransferPartReceived(UUID eventId, TransferId transferId, long version, Instant occurredAt, String receiptKey,
                                List<TransferLine> lines) implements TransferEvent {
        public TransferPartReceived {
            Checks.notBlank(receiptKey, "receiptKey");
            lines = List.copyOf(lines);
        }
    }

    /** The transfer was closed with {@code lost} units written off in transit, for {@code reason}. */
    record TransferClosedShort(UUID eventId, TransferId transferId, long version, Instant occurredAt,
                               List<TransferLine> lost, String reason) implements TransferEvent {
        public TransferClosedShort {
            lost = List.copyOf(lost);
            Checks.notBlank(reason, "reason");
        }
    }

    /** The transfer was called off before it left, for {@code reason}. */
    record TransferCancelled(UUID eventId, TransferId transferId, long version, Instant occurredAt, String reason)
            implements TransferEvent {
        public TransferCancelled {
            Checks.notBlank(reason, "reason");
        }
    }
}
