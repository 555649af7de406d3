package io.omskit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.spi.EventPublisher;
import io.omskit.reporting.measure.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The figures depend on the distinct events only: not on their order, on copies, on replays, nor on live versus rebuilt. */
class ReplayPropertiesTest {

    private static final java.time.ZoneOffset UTC = java.time.ZoneOffset.UTC;

    private static Reporting reporting() {
        return Reporting.builder().clock(java.time.Clock.fixed(java.time.Instant.parse("2026-03-09T12:00:00Z"), UTC)).zone(UTC)
                .catalog(ShopJourney.catalog()).unitCosts(io.omskit.reporting.measure.UnitCosts.of(java.util.Map.of(
                        io.omskit.core.catalog.Sku.of("TEE"), org.joda.money.Money.parse("EUR 4.10"),
                        io.omskit.core.catalog.Sku.of("MUG"), org.joda.money.Money.parse("EUR 2.35"),
                        io.omskit.core.catalog.Sku.of("BAG"), org.joda.money.Money.parse("USD 11.99")))).build();
    }

    private static Report report(Reporting r) {
        return r.report(io.omskit.reporting.measure.ReportPeriod.of(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 14), UTC));
    }

    @Property(tries = 60)
    void any_interleaving_duplication_and_replay_of_the_same_events_gives_the_same_figures(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int orders) {
        Random random = new Random(seed);
        List<DomainEvent> history = RandomShop.history(random, orders).events();

        Reporting inOrder = reporting();
        inOrder.rebuild(history);

        List<DomainEvent> mixed = new ArrayList<>(history);
        for (DomainEvent e : history) {
            if (random.nextInt(3) == 0) {
                mixed.add(e);
            }
        }
        Collections.shuffle(mixed, random);
        Reporting shuffled = reporting();
        shuffled.rebuild(mixed);
        shuffled.rebuild(history);

        Report expected = report(inOrder);
        assertThat(report(shuffled)).isEqualTo(expected);
        assertThat(expected.volumeTotal()).as("the history placed orders").isNotEmpty();
    }

    @net.jqwik.api.Example
    void the_generated_histories_reach_every_breakdown_the_property_compares() {
        java.util.Map<String, Integer> nonEmpty = new java.util.TreeMap<>();
        for (long seed = 1; seed <= 20; seed++) {
            Reporting r = reporting();
            r.rebuild(RandomShop.history(new Random(seed), 25).events());
            Report report = report(r);
            java.util.Map<String, List<?>> lists = java.util.Map.of(
                    "cancellationsByCategory", report.cancellationsByCategory(),
                    "cancellationsByLocation", report.cancellationsByLocation(),
                    "speedByCategory", report.speedByCategory(),
                    "returnRateBySku", report.returnRateBySku(),
                    "returnsValueByCategory", report.returnsValueByCategory(),
                    "stockTurnoverValue", report.stockTurnoverValue(),
                    "awaitingStock", report.backlog().stream()
                            .filter(b -> b.queue() == io.omskit.reporting.measure.Backlog.Queue.AWAITING_STOCK).toList());
            lists.forEach((name, rows) -> nonEmpty.merge(name, rows.isEmpty() ? 0 : 1, Integer::sum));
            nonEmpty.merge("returnedValueInSeveralCategories", report.returnsValueByCategory().stream()
                    .filter(v -> v.returnedValue().isPositive()).count() > 1 ? 1 : 0, Integer::sum);
        }
        assertThat(nonEmpty).allSatisfy((name, histories) -> assertThat(histories).as(name).isGreaterThan(5));
    }

    @Property(tries = 25)
    void rebuilt_from_history_equals_live_fed_by_threads_at_least_once(@ForAll long seed,
                                                                      @ForAll @IntRange(min = 5, max = 30) int orders)
            throws Exception {
        Random random = new Random(seed);
        List<DomainEvent> history = RandomShop.history(random, orders).events();

        Reporting live = reporting();
        EventPublisher publisher = live.alongside(EventPublisher.none());
        int threads = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    start.await();
                    // each thread publishes a share of the batches, and a third of them again (at-least-once delivery)
                    for (int i = offset * 4; i < history.size(); i += threads * 4) {
                        List<DomainEvent> batch = history.subList(i, Math.min(history.size(), i + 4));
                        publisher.publish(batch);
                        if (i % 3 == 0) {
                            publisher.publish(batch);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Reporting rebuilt = reporting();
        rebuilt.rebuild(history);
        assertThat(report(live)).isEqualTo(report(rebuilt));
    }
}
