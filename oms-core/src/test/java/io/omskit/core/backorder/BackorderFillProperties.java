package io.omskit.core.backorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Backorders;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Backorders are filled by priority, then age, and never beyond what arrived, whatever the order of events. */
class BackorderFillProperties {

    private static final Sku SKU = Sku.of("LAMP");
    private static final LocationId WH = LocationId.of("WH-1");

    /** One step: place a backorder (priority, quantity), or book a receipt of {@code quantity} (priority -1). */
    record Step(int priority, int quantity) {
        boolean isReceipt() {
            return priority < 0;
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> place = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 5))
                .as(Step::new);
        Arbitrary<Step> receive = Arbitraries.integers().between(1, 8).map(q -> new Step(-1, q));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, place), net.jqwik.api.Tuple.of(1, receive))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 100)
    void receipts_fill_by_priority_then_age_and_never_beyond_what_arrived(@ForAll("steps") List<Step> steps) {
        Instant[] now = {Instant.parse("2026-03-02T10:00:00Z")};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        InMemoryInventoryStore inventory = InMemoryInventoryStore.create(clock);
        InMemoryBackorderBook book = new InMemoryBackorderBook();
        Backorders service = Backorders.builder().inventory(inventory).book(book).clock(clock)
                .policy(BackorderPolicy.builder().sku(SKU, SupplyTerms.backorders(1_000)).build()).build();
        int announced = steps.stream().filter(Step::isReceipt).mapToInt(Step::quantity).sum();
        if (announced > 0) {
            inventory.adjust(new StockAdjustment(MovementKey.of("asn"), SKU, WH, MovementReason.INBOUND_EXPECTED, announced,
                    now[0].plus(Duration.ofDays(10)), "po-1"));
        }
        int arrived = 0;
        int filled = 0;
        int n = 0;
        for (Step step : steps) {
            now[0] = now[0].plus(Duration.ofSeconds(step.quantity() % 2)); // equal times happen: the sequence decides
            n++;
            if (!step.isReceipt()) {
                assertThat(service.place(new BackorderRequest(BackorderId.of("bo-" + n), OrderId.of("order-" + n),
                        LineId.of("1"), SKU, WH, step.quantity(), step.priority())).isAccepted()).isTrue();
                continue;
            }
            List<Backorder> before = book.waiting(SKU, WH);
            StockMovement receipt = ((AdjustmentResult.Applied) inventory.adjust(new StockAdjustment(
                    MovementKey.of("grn-" + n), SKU, WH, MovementReason.INBOUND_RECEIVED, step.quantity(), null, "po-1")))
                    .movement();
            arrived += step.quantity();

            List<BackorderFill> fills = service.receiptBooked(receipt);

            Map<BackorderId, Integer> expected = greedy(before, step.quantity());
            Map<BackorderId, Integer> actual = new HashMap<>();
            fills.forEach(f -> actual.merge(f.backorder(), f.units(), Integer::sum));
            assertThat(actual).as("fills of receipt %s by priority then age", receipt.key()).isEqualTo(expected);
            assertThat(fills.stream().mapToInt(BackorderFill::units).sum()).isLessThanOrEqualTo(step.quantity());
            filled += fills.stream().mapToInt(BackorderFill::units).sum();
            assertThat(service.receiptBooked(receipt)).as("a receipt booked twice fills once").isEqualTo(fills);
            assertThat(filled).isLessThanOrEqualTo(arrived);
            assertThat(inventory.position(SKU, WH).reserved()).as("every filled unit is reserved").isEqualTo(filled);
        }
    }

    private static Map<BackorderId, Integer> greedy(List<Backorder> waiting, int arrived) {
        List<Backorder> order = new ArrayList<>(waiting);
        order.sort((a, b) -> a.priority() != b.priority() ? Integer.compare(b.priority(), a.priority())
                : a.placedAt().equals(b.placedAt()) ? Long.compare(a.sequence(), b.sequence())
                : a.placedAt().compareTo(b.placedAt()));
        Map<BackorderId, Integer> out = new HashMap<>();
        int left = arrived;
        for (Backorder b : order) {
            int units = Math.min(left, b.waiting());
            if (units > 0) {
                out.put(b.id(), units);
            }
            left -= units;
        }
        return out;
    }
}
