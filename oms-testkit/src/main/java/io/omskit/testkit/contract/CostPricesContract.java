package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.LocationId;
import io.omskit.reporting.funds.spi.CostPrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CostPrices}. Extend it with one factory method and the host's test data:
 * <pre>{@code
 * class MyPurchasingPricesContractTest extends CostPricesContract {
 *     protected CostPrices newPrices() { return new MyPurchasingPrices(testDatabase); }
 *     protected LocationId dropShipper() { return LocationId.of("DS-ACME"); }
 *     protected Sku pricedSku() { return Sku.of("ACME-42"); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks.
 */
public abstract class CostPricesContract {

    /** New prices; called before each test. */
    protected abstract CostPrices newPrices();

    /** A drop-shipper the prices know; by default {@code DS-1}. */
    protected LocationId dropShipper() {
        return LocationId.of("DS-1");
    }

    /** A SKU {@link #dropShipper()} has a price for, in every currency asked; by default {@code SKU-1}. */
    protected Sku pricedSku() {
        return Sku.of("SKU-1");
    }

    /** The currencies asked in; by default EUR and GBP. */
    protected List<CurrencyUnit> currencies() {
        return List.of(CurrencyUnit.EUR, CurrencyUnit.GBP);
    }

    /** The prices under test, new for each test. */
    protected CostPrices prices;

    @BeforeEach
    void createPrices() {
        prices = newPrices();
    }

    @Test
    @DisplayName("CostPrices §1: a known SKU's price is at least zero, in the currency asked")
    void price_in_the_currency_asked() {
        for (CurrencyUnit currency : currencies()) {
            Optional<Money> price = prices.costPrice(dropShipper(), pricedSku(), currency);

            assertThat(price).hasValueSatisfying(p -> {
                assertThat(p.getCurrencyUnit()).isEqualTo(currency);
                assertThat(p.isNegative()).as("%s", p).isFalse();
            });
        }
    }

    @Test
    @DisplayName("CostPrices §2: a SKU or drop-shipper the prices do not know is empty, not null, not an exception")
    void unknown_is_empty() {
        CurrencyUnit currency = currencies().get(0);

        assertThat(prices.costPrice(dropShipper(), Sku.of("CONTRACT-NEVER-SOLD"), currency)).isNotNull().isEmpty();
        assertThat(prices.costPrice(LocationId.of("CONTRACT-NO-SUCH-SUPPLIER"), pricedSku(), currency)).isNotNull()
                .isEmpty();
    }

    @Test
    @DisplayName("CostPrices §3: the same question gets the same price, also from 8 threads at once")
    void same_question_same_price() throws Exception {
        List<Optional<Money>> expected = new ArrayList<>();
        currencies().forEach(c -> expected.add(prices.costPrice(dropShipper(), pricedSku(), c)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Optional<Money>>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Optional<Money>> seen = new ArrayList<>();
                    currencies().forEach(c -> seen.add(prices.costPrice(dropShipper(), pricedSku(), c)));
                    return seen;
                }));
            }
            start.countDown();
            for (Future<List<Optional<Money>>> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
