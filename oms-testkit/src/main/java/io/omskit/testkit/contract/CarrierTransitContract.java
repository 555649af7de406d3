package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.atp.spi.CarrierTransit;
import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.spi.SpiException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CarrierTransit}. Extend it with one factory method:
 * <pre>{@code
 * class MyTransitContractTest extends CarrierTransitContract {
 *     protected CarrierTransit newTransit() { return new MyCarrierTransit(sandboxCredentials); }
 * }
 * }</pre>
 * The leg asked about is {@link #servedLeg()} (standard delivery from a Berlin warehouse to Berlin 10115); override it
 * when the host's carriers do not serve it. §2 needs a leg the carriers do not serve ({@link #unservedLeg()}) and §4 a
 * transit that asks a remote service and can be made to fail ({@link #makeNextRemoteCallFail}); without them the
 * clauses are skipped. Each test's display name starts with the clause it checks.
 */
public abstract class CarrierTransitContract {

    /** A new transit; called before each test. */
    protected abstract CarrierTransit newTransit();

    /** The Berlin warehouse the sample legs leave from. */
    protected static final Location BERLIN_WAREHOUSE = Location.builder(LocationId.of("WH-BERLIN"),
            LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).zone(ZoneId.of("Europe/Berlin")).build();

    /** A leg the carriers serve: by default standard delivery from {@link #BERLIN_WAREHOUSE} to Berlin 10115, 15 km. */
    protected TransitQuery servedLeg() {
        return new TransitQuery(ServiceLevel.STANDARD, BERLIN_WAREHOUSE, "DE", "10115", GeoPoint.of(52.53, 13.38), 15);
    }

    /** A leg no carrier of the transit serves; null (the default) skips the clause. */
    protected TransitQuery unservedLeg() {
        return null;
    }

    /** Makes the transit's next call to its remote quoting service fail; the default skips the clause. */
    protected void makeNextRemoteCallFail(CarrierTransit transit) {
        Assumptions.abort("the transit asks no remote service, or cannot be made to fail");
    }

    /** The transit under test, new for each test. */
    protected CarrierTransit transit;

    @BeforeEach
    void createTransit() {
        transit = newTransit();
    }

    @Test
    @DisplayName("CarrierTransit §1: a served leg has a transit time of at least 0 days, its fewest days not above its most")
    void served_leg_has_a_transit_time() {
        TransitTime time = transit.transit(servedLeg());

        assertThat(time).isNotNull();
        assertThat(time.minDays()).isNotNegative().isLessThanOrEqualTo(time.maxDays());
    }

    @Test
    @DisplayName("CarrierTransit §2: a leg no carrier serves is null (not offered), not an exception")
    void unserved_leg_is_null() {
        TransitQuery leg = unservedLeg();
        Assumptions.assumeTrue(leg != null, "no unserved leg given");

        assertThat(transit.transit(leg)).isNull();
        assertThat(transit.transit(servedLeg())).as("other legs are still served").isNotNull();
    }

    @Test
    @DisplayName("CarrierTransit §3: the same leg asked again, and by 8 threads at once, gets the same answer")
    void same_leg_same_answer() throws Exception {
        TransitTime first = transit.transit(servedLeg());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<TransitTime>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<TransitTime> seen = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        seen.add(transit.transit(servedLeg()));
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (Future<List<TransitTime>> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsOnly(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("CarrierTransit §4: a remote quoting service that cannot be reached is a SpiException, never null; the"
            + " failure is not remembered and the next call answers")
    void unreachable_remote_is_an_exception_not_a_missing_service() {
        CarrierTransit fresh = newTransit();
        makeNextRemoteCallFail(fresh);

        assertThatThrownBy(() -> fresh.transit(servedLeg())).isInstanceOf(SpiException.class);
        assertThat(fresh.transit(servedLeg())).isEqualTo(transit.transit(servedLeg())).isNotNull();
    }
}
