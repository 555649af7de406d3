package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.DeliveryWindow;
import io.omskit.orchestration.spi.DestinationRegions;
import io.omskit.testkit.arbitraries.OmsArbitraries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DestinationRegions}. Extend it with one factory method:
 * <pre>{@code
 * class MyRegionsContractTest extends DestinationRegionsContract {
 *     protected DestinationRegions newRegions() { return new MyCarrierZones(zoneFile); }
 * }
 * }</pre>
 * The properties run 200 tries (a subclass annotated with {@code @PropertyDefaults(tries = n)} runs n) over every
 * kind of delivery the domain allows (home deliveries with or without a
 * position or second address line, collections at any store). Each test's display name starts with the clause it
 * checks.
 */
@PropertyDefaults(tries = 200)
public abstract class DestinationRegionsContract {

    /** New regions; called before each test and for each property. */
    protected abstract DestinationRegions newRegions();

    /** The regions under test, new for each test. */
    protected DestinationRegions regions;

    @BeforeEach
    void createRegions() {
        regions = newRegions();
    }

    @Provide
    Arbitrary<DeliveryChoice> deliveries() {
        return OmsArbitraries.deliveryChoices();
    }

    /** {@code delivery} going to the same place with another method of its kind and no promise. */
    private static DeliveryChoice samePlaceOtherwise(DeliveryChoice delivery) {
        if (delivery.address() != null) {
            DeliveryMethod other = delivery.method() == DeliveryMethod.STANDARD_DELIVERY
                    ? DeliveryMethod.EXPRESS_DELIVERY : DeliveryMethod.STANDARD_DELIVERY;
            return DeliveryChoice.home(other, delivery.address(), null);
        }
        DeliveryMethod other = delivery.method() == DeliveryMethod.SHIP_TO_STORE
                ? DeliveryMethod.EXPRESS_CLICK_AND_COLLECT : DeliveryMethod.SHIP_TO_STORE;
        return DeliveryChoice.pickup(other, delivery.pickupStore(), null);
    }

    @Property
    @Label("DestinationRegions §1: any delivery gets a region or null, never an exception, and the same region again")
    void any_delivery_is_answered_alike(@ForAll("deliveries") DeliveryChoice delivery) {
        DestinationRegions r = newRegions();

        String region = r.regionOf(delivery);

        assertThat(r.regionOf(delivery)).isEqualTo(region);
    }

    @Property
    @Label("DestinationRegions §2: the region is a matter of where the delivery goes: the same address or store with"
            + " another method or promise is in the same region")
    void region_depends_on_the_place_only(@ForAll("deliveries") DeliveryChoice delivery) {
        DestinationRegions r = newRegions();

        assertThat(r.regionOf(samePlaceOtherwise(delivery))).isEqualTo(r.regionOf(delivery));
    }

    @Test
    @DisplayName("DestinationRegions §3: 8 threads asking at once get the answers one thread gets")
    void concurrent_questions() throws Exception {
        Instant at = Instant.parse("2030-01-07T10:00:00Z");
        DeliveryWindow window = new DeliveryWindow(at, at.plusSeconds(86_400));
        List<DeliveryChoice> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            deliveries.add(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, new Address("A. Person", "Street " + i,
                    null, i % 2 == 0 ? "Berlin" : "Munich", (i % 2 == 0 ? "10" : "80") + (100 + i), "DE",
                    GeoPoint.of(50, 10)), window));
            deliveries.add(DeliveryChoice.pickup(DeliveryMethod.SHIP_TO_STORE, LocationId.of("ST-" + (i % 5)), window));
        }
        List<String> expected = deliveries.stream().map(regions::regionOf).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> seen = new ArrayList<>();
                    deliveries.forEach(d -> seen.add(regions.regionOf(d)));
                    return seen;
                }));
            }
            start.countDown();
            for (Future<List<String>> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
