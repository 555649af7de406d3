package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.orchestration.spi.OpportunityCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OpportunityCosts}. Extend it with one factory method:
 * <pre>{@code
 * class MyForecastCostsContractTest extends OpportunityCostsContract {
 *     protected OpportunityCosts newCosts() { return new MyForecastCosts(testForecast); }
 * }
 * }</pre>
 * The SKUs and locations asked about are {@link #sampleSkus()} and {@link #sampleLocations()}; override them with the
 * host's own (a SKU the forecast does not know is asked about too). Each test's display name starts with the clause it
 * checks.
 */
public abstract class OpportunityCostsContract {

    /** New costs; called before each test. */
    protected abstract OpportunityCosts newCosts();

    /** The SKUs asked about; by default {@code SKU-1}, {@code SKU-2} and one no forecast knows. */
    protected List<Sku> sampleSkus() {
        return List.of(Sku.of("SKU-1"), Sku.of("SKU-2"), Sku.of("CONTRACT-NEVER-FORECAST"));
    }

    /** The locations asked about; by default a warehouse, a store and a drop-shipper. */
    protected List<Location> sampleLocations() {
        return List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build(),
                Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.52, 13.40)).build(),
                Location.builder(LocationId.of("DS-1"), LocationType.DROP_SHIPPER, GeoPoint.of(48.14, 11.58)).build());
    }

    /** The costs under test, new for each test. */
    protected OpportunityCosts costs;

    @BeforeEach
    void createCosts() {
        costs = newCosts();
    }

    private List<Double> all(OpportunityCosts c) {
        List<Double> answers = new ArrayList<>();
        for (Sku sku : sampleSkus()) {
            for (Location location : sampleLocations()) {
                answers.add(c.perUnit(sku, location));
            }
        }
        return answers;
    }

    @Test
    @DisplayName("OpportunityCosts §1: every unit of every SKU at every location costs a finite amount of at least zero,"
            + " a SKU nobody forecast included")
    void costs_are_finite_and_not_negative() {
        for (Sku sku : sampleSkus()) {
            for (Location location : sampleLocations()) {
                double cost = costs.perUnit(sku, location);

                assertThat(Double.isFinite(cost)).as("%s at %s: %s", sku, location.id(), cost).isTrue();
                assertThat(cost).as("%s at %s", sku, location.id()).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Test
    @DisplayName("OpportunityCosts §2: the same question gets the same cost, also from 8 threads at once")
    void same_question_same_cost() throws Exception {
        List<Double> expected = all(costs);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Double>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return all(costs);
                }));
            }
            start.countDown();
            for (Future<List<Double>> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
