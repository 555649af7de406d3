package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.calendar.Berlin;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.channel.Channel;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.ExternalOrderRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.UnitCounts;
import io.omskit.core.payment.PaymentSummary;
import io.omskit.orchestration.plan.PlannedFulfilment;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.SplitPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;

/**
 * What ATP promises is what sourcing then does: whenever a method is available with a window, sourcing the same
 * order (with that window promised) at the same instant allocates a plan whose every part, timed by the same date
 * arithmetic, falls inside the window; and no promised part is earlier than that date arithmetic allows.
 */
class PromiseKeptProperties {

    private static final List<Sku> SKUS = List.of(Sku.of("A"), Sku.of("B"), Sku.of("C"));

    @Property(tries = 120)
    void a_promised_window_is_kept_by_sourcing_at_the_same_instant(@ForAll long seed) {
        Random r = new Random(seed);
        Shop shop = new Shop(r.nextBoolean() ? SplitPolicy.SHIP_PARTIAL : SplitPolicy.SHIP_COMPLETE, r.nextBoolean());
        List<LocationId> locations = shop.network.locations().stream().map(l -> l.id()).toList();
        for (Sku sku : SKUS) {
            for (LocationId l : locations) {
                if (r.nextInt(3) == 0) {
                    shop.receive(sku, l, 1 + r.nextInt(4));
                }
            }
        }
        Instant now = Shop.randomMoment(r);
        shop.clock.set(now);
        Channel channel = r.nextInt(4) == 0 ? Channel.MARKETPLACE : Channel.WEB;
        Destination home = Destination.of("DE", "10115", Shop.HOMES[r.nextInt(Shop.HOMES.length)], Berlin.ZONE);
        LocationId store = List.of(Shop.MITTE, Shop.KREUZBERG, Shop.MUNICH).get(r.nextInt(3));
        List<CartLine> lines = new ArrayList<>();
        int lineCount = 1 + r.nextInt(3);
        for (int k = 0; k < lineCount; k++) {
            lines.add(CartLine.of(String.valueOf(k + 1), SKUS.get(k), 1 + r.nextInt(3)));
        }
        List<MethodPromise> promises = lineCount == 1 && r.nextBoolean()
                ? shop.atp.productPage(new ProductPageRequest(lines.get(0).sku(), lines.get(0).quantity(), channel, home,
                        store, now)).methods()
                : shop.atp.cart(new CartRequest(lines, channel, home, store, now)).methods();

        int kept = 0;
        for (MethodPromise p : promises) {
            if (!p.isAvailable()) {
                continue;
            }
            kept++;
            for (PromisedPart part : p.parts()) {
                LegTiming arithmetic = shop.atp.calendar().leg(p.method(), part.kind(), shop.network.indexOf(part.from()),
                        shop.network.indexOf(store), home, now);
                assertThat(part.window()).as("%s part from %s", p.method(), part.from()).isEqualTo(arithmetic.window());
                assertThat(part.window().earliest()).isAfterOrEqualTo(now);
            }
            DeliveryChoice delivery = p.method().isPickup()
                    ? DeliveryChoice.pickup(p.method(), store, p.window())
                    : DeliveryChoice.home(p.method(), new Address("x", "x", null, "x", home.postalCode(), "DE", home.position()),
                    p.window());
            SourcingResult result = shop.engine.source(SourcingRequest.of(order(lines, channel, delivery, now, p.method().name())));
            assertThat(result).as("%s at %s: %s", p.method(), now, p).isInstanceOf(SourcingResult.Allocated.class);
            SourcingResult.Allocated allocated = (SourcingResult.Allocated) result;
            for (PlannedFulfilment f : allocated.plan().fulfilments()) {
                LegTiming t = shop.atp.calendar().leg(p.method(), f.kind(), shop.network.indexOf(f.location()),
                        shop.network.indexOf(store), home, now);
                assertThat(t.window()).isNotNull();
                assertThat(t.window().earliest()).isAfterOrEqualTo(p.window().earliest());
                assertThat(t.window().latest()).isBeforeOrEqualTo(p.window().latest());
            }
            undo(shop, allocated, now);
        }
        Statistics.label("promises checked").collect(kept > 0);
        Statistics.label("promises checked").coverage(c -> c.check(true).percentage(pct -> pct > 25));
    }

    private static void undo(Shop shop, SourcingResult.Allocated allocated, Instant now) {
        for (AllocationLine line : allocated.allocation().requested()) {
            shop.store.deallocate(allocated.allocation().key(), line.sku(), line.location(), line.quantity());
        }
        for (PlannedFulfilment f : allocated.plan().fulfilments()) {
            shop.engine.releaseCapacity(f.location(), now);
        }
    }

    private static Order order(List<CartLine> lines, Channel channel, DeliveryChoice delivery, Instant now, String ref) {
        Money zero = Money.zero(Shop.EUR);
        List<OrderLine> orderLines = new ArrayList<>();
        for (CartLine l : lines) {
            orderLines.add(new OrderLine(LineId.of(l.id()), l.sku(), l.quantity(), zero, List.of(), null,
                    UnitCounts.allOpen(l.quantity())));
        }
        return new Order(OrderId.of("o-" + ref), 1, channel, ExternalOrderRef.of(ref), CustomerRef.of("c"), Shop.EUR, delivery,
                orderLines, List.of(), List.of(), "", PaymentSummary.none(Shop.EUR), null, now, null, List.of(), List.of(), List.of(), List.of());
    }
}
