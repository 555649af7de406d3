package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferLine;
import io.omskit.core.transfer.TransferReason;
import io.omskit.core.transfer.TransferRequest;
import io.omskit.core.transfer.TransferStatus;
import io.omskit.testkit.faults.FaultPlan;
import io.omskit.testkit.faults.InjectedFault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The inventory store fails at random, before or after doing its work, under every transfer step; each step is called
 * again until it answers: the stock ends exactly as if nothing had failed.
 */
class TransferRetryAfterFailureProperties {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LocationId STORE = LocationId.of("ST-1");

    /** How the transfer ends. */
    enum Ending { CANCELLED, RECEIVED_AT_ONCE, RECEIVED_IN_TWO_COUNTS, CLOSED_SHORT }

    @Property(tries = 150)
    @StatisticsReport(onFailureOnly = true)
    void every_step_retried_after_a_failure_finishes_what_it_started(@ForAll long seed, @ForAll Ending ending) {
        boolean cancelInstead = ending == Ending.CANCELLED;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        InMemoryInventoryStore store = InMemoryInventoryStore.create(clock);
        store.load(MUG, WH, 20);
        store.load(MUG, STORE, 5);
        FaultPlan plan = FaultPlan.seeded(seed).failWith(0.3);
        Oms oms = Oms.builder().inMemory().clock(clock).network(Network.of(List.of(
                        Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build(),
                        Location.builder(STORE, LocationType.STORE, GeoPoint.of(52.5, 13.4)).build())))
                .inventory(plan.inventory(store)).payments(new FakePaymentGateway()).build();
        TransferId id = TransferId.of("T-1");

        retried(() -> oms.transfers().request(new TransferRequest(id, WH, STORE, TransferReason.RESTOCK,
                List.of(TransferLine.of(MUG, 4)), NOW.plus(Duration.ofDays(1)))));
        if (cancelInstead) {
            retried(() -> oms.transfers().cancel(id, "not needed"));
        } else {
            retried(() -> oms.transfers().ship(id, ShipmentDetails.of("truck-1", "fleet", "")));
            switch (ending) {
                case RECEIVED_AT_ONCE -> retried(() -> oms.transfers().receive(id));
                case RECEIVED_IN_TWO_COUNTS -> {
                    retried(() -> oms.transfers().receive(id, "DN-1", List.of(TransferLine.of(MUG, 3))));
                    retried(() -> oms.transfers().receive(id, "DN-2", List.of(TransferLine.of(MUG, 1))));
                }
                default -> {
                    retried(() -> oms.transfers().receive(id, "DN-1", List.of(TransferLine.of(MUG, 3))));
                    retried(() -> oms.transfers().closeShort(id, "one mug lost"));
                }
            }
        }
        plan.off();
        Statistics.collect(plan.injected() > 0 ? "faults injected" : "no fault");

        Transfer t = oms.transfers().get(id);
        boolean closedShort = ending == Ending.CLOSED_SHORT;
        assertThat(t.status()).isEqualTo(cancelInstead ? TransferStatus.CANCELLED
                : closedShort ? TransferStatus.CLOSED_SHORT : TransferStatus.RECEIVED);
        assertThat(store.position(MUG, WH).onHand()).isEqualTo(cancelInstead ? 20 : 16);
        assertThat(store.position(MUG, STORE).onHand()).isEqualTo(cancelInstead ? 5 : closedShort ? 8 : 9);
        assertThat(store.position(MUG, WH).allocated()).isZero();
        assertThat(store.position(MUG, STORE).inbound()).isZero();
        assertThat(store.inbound(MUG)).isEmpty();
        Statistics.coverage(checker -> checker.check("faults injected").percentage(p -> p > 80));
    }

    private static <T> T retried(Supplier<T> step) {
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                return step.get();
            } catch (InjectedFault fault) {
                // the caller's retry: same arguments, same keys
            }
        }
        throw new AssertionError("the step never got through the faults");
    }
}
