package io.omskit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omskit.core.channel.Channel;
import io.omskit.reporting.measure.Backlog;
import io.omskit.reporting.measure.Cancellations;
import io.omskit.reporting.measure.Dimension;
import io.omskit.reporting.measure.FastSeller;
import io.omskit.reporting.measure.FillRate;
import io.omskit.reporting.measure.FulfilmentSpeed;
import io.omskit.reporting.measure.Granularity;
import io.omskit.reporting.measure.Measures;
import io.omskit.reporting.measure.OrderVolume;
import io.omskit.reporting.measure.PromiseKept;
import io.omskit.reporting.measure.Rejections;
import io.omskit.reporting.measure.ReportPeriod;
import io.omskit.reporting.measure.ReturnRate;
import io.omskit.reporting.measure.ReturnReasons;
import io.omskit.reporting.measure.ReturnsValue;
import io.omskit.reporting.measure.SlowMover;
import io.omskit.reporting.measure.SplitRate;
import io.omskit.reporting.measure.StockTurnover;
import io.omskit.reporting.measure.TimeOutOfStock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Every measure on the small shop's fortnight of {@link ShopJourney}, with the figures worked out by hand. */
class ShopJourneyMeasuresTest {

    private final Reporting reporting = ShopJourney.reporting(ShopJourney.events().events());
    private final Measures measures = reporting.measures();
    private final ReportPeriod period = ShopJourney.period();
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

    private static Money eur(String amount) {
        return Money.parse("EUR " + amount);
    }

    @Test
    void order_volume_counts_orders_units_and_value_per_currency_and_channel() {
        assertThat(measures.orderVolume(period, Granularity.PERIOD, Dimension.TOTAL)).containsExactly(
                new OrderVolume(ShopJourney.FIRST, ShopJourney.LAST, Measures.ALL, CurrencyUnit.EUR, 7, 10, eur("116.00")));
        assertThat(measures.orderVolume(period, Granularity.PERIOD, Dimension.CHANNEL)).containsExactly(
                new OrderVolume(ShopJourney.FIRST, ShopJourney.LAST, "APP", CurrencyUnit.EUR, 1, 1, eur("10.00")),
                new OrderVolume(ShopJourney.FIRST, ShopJourney.LAST, "STORE", CurrencyUnit.EUR, 1, 1, eur("20.00")),
                new OrderVolume(ShopJourney.FIRST, ShopJourney.LAST, "WEB", CurrencyUnit.EUR, 5, 8, eur("86.00")));
        assertThat(measures.orderVolume(period, Granularity.DAY, Dimension.TOTAL)).extracting(OrderVolume::from, OrderVolume::orders)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MARCH_2, 5L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 9), 1L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 10), 1L));
    }

    @Test
    void order_volume_by_category_counts_an_order_once_per_category_and_values_its_lines() {
        assertThat(measures.orderVolume(period, Granularity.PERIOD, Dimension.CATEGORY))
                .extracting(OrderVolume::group, OrderVolume::orders, OrderVolume::units, OrderVolume::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("accessories", 2L, 2L, eur("40.00")),
                        org.assertj.core.groups.Tuple.tuple("clothing", 4L, 5L, eur("52.00")),
                        org.assertj.core.groups.Tuple.tuple("home", 2L, 3L, eur("24.00")));
    }

    @Test
    void placed_to_shipped_median_is_six_hours_and_placed_to_ready_median_one_hour() {
        List<FulfilmentSpeed> speed = measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.TOTAL);
        assertThat(speed).containsExactly(
                new FulfilmentSpeed(ShopJourney.FIRST, ShopJourney.LAST, Measures.ALL, FulfilmentSpeed.Leg.PLACED_TO_SHIPPED, 3,
                        Duration.ofHours(6), Duration.ofHours(8), Duration.ofHours(8), Duration.ofHours(6)),
                new FulfilmentSpeed(ShopJourney.FIRST, ShopJourney.LAST, Measures.ALL, FulfilmentSpeed.Leg.PLACED_TO_READY_FOR_PICKUP, 2,
                        Duration.ofHours(1), Duration.ofHours(22), Duration.ofHours(22), Duration.ofMinutes(690)));
        assertThat(measures.fulfilmentSpeed(period, Granularity.PERIOD, Dimension.LOCATION))
                .filteredOn(s -> s.leg() == FulfilmentSpeed.Leg.PLACED_TO_SHIPPED)
                .extracting(FulfilmentSpeed::group, FulfilmentSpeed::samples, FulfilmentSpeed::p50)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ST-1", 1L, Duration.ofHours(6)),
                        org.assertj.core.groups.Tuple.tuple("WH-1", 2L, Duration.ofHours(4)));
    }

    @Test
    void one_late_parcel_makes_its_order_miss_the_promise_by_sixteen_hours() {
        assertThat(measures.promiseKept(period, Granularity.PERIOD, Dimension.TOTAL)).containsExactly(
                new PromiseKept(ShopJourney.FIRST, ShopJourney.LAST, Measures.ALL, 4, 3, 4, 3, 0.75, Duration.ofHours(16)));
        assertThat(measures.promiseKept(period, Granularity.PERIOD, Dimension.CHANNEL))
                .extracting(PromiseKept::group, PromiseKept::orders, PromiseKept::kept)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("APP", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("STORE", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("WEB", 2L, 1L));
    }

    @Test
    void a_promise_not_yet_due_is_left_out_until_it_passes_and_then_counts_as_late() {
        Reporting later = Reporting.builder().clock(java.time.Clock.fixed(java.time.Instant.parse("2026-03-13T00:00:00Z"),
                ShopJourney.ZONE)).zone(ShopJourney.ZONE).build();
        later.rebuild(ShopJourney.events().events());
        ReportPeriod march = ReportPeriod.of(ShopJourney.FIRST, LocalDate.of(2026, 3, 13), ShopJourney.ZONE);
        assertThat(measures.promiseKept(march, Granularity.PERIOD, Dimension.TOTAL).get(0).orders()).isEqualTo(4);
        PromiseKept passed = later.measures().promiseKept(march, Granularity.PERIOD, Dimension.TOTAL).get(0);
        assertThat(passed.orders()).as("F's promise of 12 March has passed, undelivered").isEqualTo(5);
        assertThat(passed.kept()).isEqualTo(3);
        assertThat(passed.averageLateness()).as("only completed late orders are averaged").isEqualTo(Duration.ofHours(16));
    }

    @Test
    void fill_rate_per_location_counts_the_store_rejection_against_the_store() {
        assertThat(measures.fillRate(period, Granularity.PERIOD, Dimension.LOCATION)).containsExactly(
                new FillRate(ShopJourney.FIRST, ShopJourney.LAST, "ST-1", 4, 2, 0.5),
                new FillRate(ShopJourney.FIRST, ShopJourney.LAST, "WH-1", 5, 5, 1.0));
        assertThat(measures.fillRate(period, Granularity.PERIOD, Dimension.TOTAL).get(0).rate()).isCloseTo(7.0 / 9, within(1e-12));
    }

    @Test
    void split_rate_is_five_shipments_for_four_orders() {
        assertThat(measures.splitRate(period, Granularity.PERIOD, Dimension.TOTAL)).containsExactly(
                new SplitRate(ShopJourney.FIRST, ShopJourney.LAST, Measures.ALL, 4, 5, 1.25, 1));
    }

    @Test
    void cancellations_and_rejections_carry_their_reasons() {
        assertThat(measures.cancellations(period, Granularity.PERIOD, Dimension.CHANNEL)).containsExactly(
                new Cancellations(ShopJourney.FIRST, ShopJourney.LAST, "WEB", "CUSTOMER_REQUEST", 1, 1));
        assertThat(measures.rejections(period, Granularity.DAY)).containsExactly(
                new Rejections(MARCH_2, MARCH_2, "ST-1", "damaged stock", 1, 2, 1));
    }

    @Test
    void one_tee_back_of_seven_units_fulfilled_and_ten_euros_of_seventy_four() {
        assertThat(measures.returnRate(period, Granularity.PERIOD, Dimension.TOTAL)).containsExactly(
                new ReturnRate(ShopJourney.FIRST, ShopJourney.LAST, Measures.ALL, 7, 1, 1.0 / 7));
        assertThat(measures.returnRate(period, Granularity.PERIOD, Dimension.SKU))
                .extracting(ReturnRate::group, ReturnRate::fulfilled, ReturnRate::returned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CAP", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("MUG", 3L, 0L),
                        org.assertj.core.groups.Tuple.tuple("TEE", 3L, 1L));
        assertThat(measures.returnReasons(period, Granularity.PERIOD, Dimension.CATEGORY)).containsExactly(
                new ReturnReasons(ShopJourney.FIRST, ShopJourney.LAST, "clothing", "DOES_NOT_FIT", 1, 1.0));
        ReturnsValue value = measures.returnsValue(period, Granularity.PERIOD, Dimension.TOTAL).get(0);
        assertThat(value.fulfilledRevenue()).isEqualTo(eur("74.00"));
        assertThat(value.returnedValue()).isEqualTo(eur("10.00"));
        assertThat(value.percent()).isCloseTo(100.0 * 10 / 74, within(1e-4));
    }

    @Test
    void a_withdrawn_return_is_not_counted() {
        ShopEvents s = ShopJourney.events();
        s.returnCancelled("R-A", "A", ShopJourney.at("06T11:00"));
        Reporting r = ShopJourney.reporting(s.events());
        assertThat(r.measures().returnRate(period, Granularity.PERIOD, Dimension.TOTAL).get(0).returned()).isZero();
    }

    @Test
    void stock_turnover_and_days_of_cover_follow_the_ledger() {
        List<StockTurnover> rows = measures.stockTurnover(period, Dimension.SKU);
        StockTurnover tee = rows.stream().filter(r -> r.group().equals("TEE")).findFirst().orElseThrow();
        assertThat(tee.unitsSold()).isEqualTo(3);
        assertThat(tee.averageOnHand()).isCloseTo(7.3, within(1e-9));
        assertThat(tee.onHandAtEnd()).isEqualTo(7);
        assertThat(tee.turnover()).isCloseTo(3 / 7.3, within(1e-9));
        assertThat(tee.daysOfCover()).isCloseTo(7 / 0.3, within(1e-9));
        StockTurnover scarf = rows.stream().filter(r -> r.group().equals("SCARF")).findFirst().orElseThrow();
        assertThat(scarf.daysOfCover()).as("nothing sold: cover without end").isEqualTo(-1);
        assertThat(measures.stockTurnover(period, Dimension.LOCATION)).extracting(StockTurnover::group, StockTurnover::unitsSold)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ST-1", 1L), org.assertj.core.groups.Tuple.tuple("WH-1", 3L));
    }

    @Test
    void mugs_were_out_of_stock_six_hours() {
        assertThat(measures.timeOutOfStock(period, Granularity.PERIOD)).containsExactly(
                new TimeOutOfStock(ShopJourney.FIRST, ShopJourney.LAST, "MUG", "network", Duration.ofHours(6), 6.0 / 240));
        assertThat(measures.timeOutOfStock(period, Granularity.DAY)).extracting(TimeOutOfStock::from).containsExactly(MARCH_2);
    }

    @Test
    void the_scarf_never_sold_and_the_tee_sells_faster() {
        assertThat(measures.slowMovers(period, 30)).containsExactly(new SlowMover("SCARF", 4, null));
        assertThat(measures.slowMovers(period, 7)).as("the tee and the cap last sold on 2 March")
                .extracting(SlowMover::sku).containsExactly("SCARF", "CAP", "TEE");
        ReportPeriod toNinth = ReportPeriod.of(ShopJourney.FIRST, LocalDate.of(2026, 3, 9), ShopJourney.ZONE);
        assertThat(measures.fastSellers(toNinth, 1, 1)).containsExactly(new FastSeller("TEE", 1, 0, 1.0, 0.0));
        assertThat(measures.fastSellers(period, 7, 1)).as("nothing sold more in the last week than the week before")
                .extracting(FastSeller::sku).containsExactly("SCARF");
    }

    @Test
    void backlog_lists_the_waiting_tee_at_wh1_and_the_order_not_yet_sourced() {
        assertThat(measures.backlog(ShopJourney.NOW)).containsExactly(
                new Backlog(Backlog.NOT_SOURCED, Backlog.Queue.NOT_SOURCED, 1, 1, Duration.ofHours(4), Duration.ofHours(4)),
                new Backlog("WH-1", Backlog.Queue.FULFILMENT, 1, 1, Duration.ofHours(38), Duration.ofHours(38)));
        assertThat(measures.backlog(ShopJourney.at("02T09:30"))).as("at 9:30 on 2 March both parts of A wait")
                .containsExactly(new Backlog("ST-1", Backlog.Queue.FULFILMENT, 1, 1, Duration.ofMinutes(30), Duration.ofMinutes(30)),
                        new Backlog("WH-1", Backlog.Queue.FULFILMENT, 1, 2, Duration.ofMinutes(30), Duration.ofMinutes(30)));
    }

    @Test
    void channel_is_the_order_channel() {
        assertThat(Channel.valueOf(measures.splitRate(period, Granularity.PERIOD, Dimension.CHANNEL).get(0).group())).isEqualTo(Channel.APP);
    }
}
