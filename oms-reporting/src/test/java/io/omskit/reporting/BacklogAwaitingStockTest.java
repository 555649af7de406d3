package io.omskit.reporting;

import static io.omskit.reporting.ShopEvents.line;
import static io.omskit.reporting.ShopJourney.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.OrderStatus;
import io.omskit.reporting.measure.Backlog;
import io.omskit.reporting.measure.Backlog.Queue;
import io.omskit.reporting.measure.Measures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Orders waiting for stock are in the backlog, at the location their supply arrives at, in a row of their own. On the
 * small shop's fortnight of {@link ShopJourney} (F's tee waits at WH-1, G's scarf is not sourced), on 10 March:
 * <ul>
 * <li>K (placed 8:00): three scarves; one is offered to WH-1, two are backordered at WH-2.</li>
 * <li>L (placed 12:00): a tee backordered at WH-2.</li>
 * <li>M (placed 6:00): two mugs backordered at ST-1; one arrives at 18:00, the customer cancels the other at 20:00,
 *     and the mug that arrived waits to be sourced.</li>
 * </ul>
 */
class BacklogAwaitingStockTest {

    static List<DomainEvent> events() {
        ShopEvents s = ShopJourney.events();
        s.placeHome("K", Channel.WEB, at("10T08:00"), at("13T18:00"), line("SCARF", 3, "12.00"));
        s.confirmed("K", at("10T08:01"));
        s.offered("FK1", "K", FulfilmentKind.SHIP_TO_CUSTOMER, "WH-1", at("10T08:05"), 1, 1);
        s.backordered("K", at("10T08:05"), 1, 2, "WH-2");
        s.status("K", at("10T08:05"), OrderStatus.IN_PREPARATION, OrderStatus.AWAITING_STOCK);

        s.placeHome("L", Channel.WEB, at("10T12:00"), at("14T18:00"), line("TEE", 1, "10.00"));
        s.confirmed("L", at("10T12:01"));
        s.backordered("L", at("10T12:01"), 1, 1, "WH-2");
        s.status("L", at("10T12:01"), OrderStatus.CONFIRMED, OrderStatus.AWAITING_STOCK);

        s.placeHome("M", Channel.APP, at("10T06:00"), at("14T18:00"), line("MUG", 2, "8.00"));
        s.confirmed("M", at("10T06:01"));
        s.backordered("M", at("10T06:01"), 1, 2, "ST-1");
        s.status("M", at("10T06:01"), OrderStatus.CONFIRMED, OrderStatus.AWAITING_STOCK);
        s.backorderFilled("M", at("10T18:00"), 1, 1);
        s.cancelledAwaitingStock("M", at("10T20:00"), CancellationReason.CUSTOMER_REQUEST, 1, 1);
        s.status("M", at("10T20:00"), OrderStatus.AWAITING_STOCK, OrderStatus.PARTIALLY_CANCELLED);
        return s.events();
    }

    private final Measures measures = ShopJourney.reporting(events()).measures();

    @Test
    void orders_waiting_for_stock_wait_where_their_supply_arrives_beside_that_locations_fulfilments() {
        assertThat(measures.backlog(ShopJourney.NOW)).containsExactly(
                // G's scarf 4 h, and M's mug that arrived 18 h
                new Backlog(Backlog.NOT_SOURCED, Queue.NOT_SOURCED, 2, 2, Duration.ofHours(18), Duration.ofHours(4)),
                // F's tee 38 h, K's offered scarf 16 h
                new Backlog("WH-1", Queue.FULFILMENT, 2, 2, Duration.ofHours(38), Duration.ofHours(16)),
                // K's two scarves 16 h, L's tee 12 h
                new Backlog("WH-2", Queue.AWAITING_STOCK, 2, 3, Duration.ofHours(16), Duration.ofHours(12)));
    }

    @Test
    void a_backorder_filled_or_cancelled_stops_waiting_for_stock() {
        assertThat(measures.backlog(at("10T19:00"))).filteredOn(b -> b.queue() == Queue.AWAITING_STOCK).containsExactly(
                new Backlog("ST-1", Queue.AWAITING_STOCK, 1, 1, Duration.ofHours(13), Duration.ofHours(13)),
                new Backlog("WH-2", Queue.AWAITING_STOCK, 2, 3, Duration.ofHours(11), Duration.ofHours(7)));
        assertThat(measures.backlog(at("10T07:00"))).filteredOn(b -> b.queue() == Queue.AWAITING_STOCK).containsExactly(
                new Backlog("ST-1", Queue.AWAITING_STOCK, 1, 2, Duration.ofHours(1), Duration.ofHours(1)));
    }

    @Test
    void the_page_shows_orders_awaiting_stock_apart_from_the_work_waiting_at_locations() {
        Reporting reporting = ShopJourney.reporting(events());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(io.omskit.reporting.html.HtmlReport.html(
                reporting.report(ShopJourney.period())));
        assertThat(page.selectFirst("[data-measure=awaiting-stock] .figure").text()).isEqualTo("2");
        assertThat(page.selectFirst("[data-measure=awaiting-stock]").text()).contains("3 units");
        assertThat(page.selectFirst("[data-measure=backlog] .figure").text()).as("G and M not sourced, F and K at WH-1").isEqualTo("4");
        assertThat(page.getElementById("backlog").select("tbody tr").get(2).select("td").eachAttr("data-value"))
                .containsExactly("WH-2", "AWAITING_STOCK", "2", "3", "PT16H", "PT12H");
    }

    @Test
    void the_backlog_is_the_same_when_the_events_come_backwards_and_twice() {
        List<DomainEvent> backwards = new ArrayList<>(events());
        Collections.reverse(backwards);
        backwards.addAll(events());
        Measures replayed = ShopJourney.reporting(backwards).measures();
        for (String at : List.of("10T07:00", "10T19:00", "11T00:00")) {
            assertThat(replayed.backlog(at(at))).as(at).isEqualTo(measures.backlog(at(at)));
        }
    }
}
