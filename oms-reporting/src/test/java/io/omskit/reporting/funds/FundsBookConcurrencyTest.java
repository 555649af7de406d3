package io.omskit.reporting.funds;

import static io.omskit.reporting.funds.FundsShop.DROP;
import static io.omskit.reporting.funds.FundsShop.RETAILER;
import static io.omskit.reporting.funds.FundsShop.WH;
import static io.omskit.reporting.funds.FundsShop.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.channel.Channel;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.order.LineRequest;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.reporting.funds.spi.CommissionPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The funds book fed by several threads at once, each event several times: the same funds as the live book. */
class FundsBookConcurrencyTest {

    @Test
    void four_threads_feeding_the_whole_history_each_in_its_own_order_give_the_live_books_funds() throws Exception {
        FundsShop shop = new FundsShop();
        List<OrderId> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Order mp = shop.placed(Channel.MARKETPLACE, b -> b.line(LineRequest.of("1", "MUG", 2, eur("12.34")).soldBy("seller-1")));
            orders.add(shop.shipAll(mp, "mp-" + i, WH).id());
            Order ds = shop.placed(Channel.WEB, b -> b.line("1", "LAMP", 1, eur("80.00")));
            orders.add(shop.shipAll(ds, "ds-" + i, DROP).id());
        }
        List<DomainEvent> history = List.copyOf(shop.events.events());
        FundsBook book = FundsBook.of(shop.network, CommissionPolicy.defaults(shop.costs), RETAILER);
        AtomicInteger taken = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> feeders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<DomainEvent> mine = new ArrayList<>(history);
                Collections.shuffle(mine, new Random(t));
                feeders.add(pool.submit(() -> {
                    start.await();
                    for (DomainEvent e : mine) {
                        if (book.accept(e)) {
                            taken.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : feeders) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long moneyEvents = history.stream().filter(e -> FundsBook.of(shop.network, CommissionPolicy.defaults(shop.costs), RETAILER)
                .accept(e)).count();
        assertThat(taken.get()).as("each money-moving event taken once").isEqualTo((int) moneyEvents);
        for (OrderId id : orders) {
            assertThat(book.funds(id)).isEqualTo(shop.funds.funds(id));
        }
        assertThat(book.ledger().owedTo(RETAILER, CurrencyUnit.EUR)).isEqualTo(shop.funds.ledger().owedTo(RETAILER, CurrencyUnit.EUR));
    }
}
