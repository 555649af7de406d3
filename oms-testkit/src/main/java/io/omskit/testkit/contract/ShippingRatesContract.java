package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.ShippingRate;
import io.omskit.orchestration.spi.ShippingRates;
import io.omskit.orchestration.spi.SourcingContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
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
 * The contract of {@link ShippingRates}. Extend it with one factory method:
 * <pre>{@code
 * class MyRatesContractTest extends ShippingRatesContract {
 *     protected ShippingRates newRates() { return new MyContractRates(testTariffs); }
 * }
 * }</pre>
 * The locations priced are {@link #sampleNetwork()}'s, by default one of each type; override it to price the host's
 * own. The engine's read by index is asked with a context that answers its network and locations only: a rate is a
 * matter of the location and the method. Each test's display name starts with the clause it checks.
 */
public abstract class ShippingRatesContract {

    /** New rates; called before each test. */
    protected abstract ShippingRates newRates();

    /** The locations priced: by default a warehouse, a store and a drop-shipper. */
    protected Network sampleNetwork() {
        return Network.of(List.of(
                Location.builder(LocationId.of("WH-1"), LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build(),
                Location.builder(LocationId.of("ST-1"), LocationType.STORE, GeoPoint.of(52.52, 13.40)).build(),
                Location.builder(LocationId.of("DS-1"), LocationType.DROP_SHIPPER, GeoPoint.of(48.14, 11.58)).build()));
    }

    /** The rates under test, new for each test. */
    protected ShippingRates rates;

    @BeforeEach
    void createRates() {
        rates = newRates();
    }

    /** A context of one sourcing computation on {@code network} that answers only its network and locations. */
    private static SourcingContext contextOn(Network network) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("network") && method.getParameterCount() == 0) {
                return network;
            }
            if (method.isDefault() && (method.getName().equals("location") || method.getName().equals("locationType"))) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "contract context";
                };
            }
            throw new UnsupportedOperationException("a shipping rate reads only the location, not " + method.getName());
        };
        return (SourcingContext) Proxy.newProxyInstance(ShippingRatesContract.class.getClassLoader(),
                new Class<?>[] {SourcingContext.class}, handler);
    }

    @Test
    @DisplayName("ShippingRates §1: every location has a rate for every delivery method, never null")
    void every_location_and_method_has_a_rate() {
        for (Location location : sampleNetwork().locations()) {
            for (DeliveryMethod method : DeliveryMethod.values()) {
                assertThat(rates.rate(location, method)).as("%s by %s", location.id(), method).isNotNull();
            }
        }
    }

    @Test
    @DisplayName("ShippingRates §2: the engine's read by index is the rate of the location at that index")
    void read_by_index_is_the_locations_rate() {
        Network network = sampleNetwork();
        SourcingContext context = contextOn(network);
        for (int i = 0; i < network.size(); i++) {
            for (DeliveryMethod method : DeliveryMethod.values()) {
                assertThat(rates.rate(context, i, method)).as("%s by %s", network.at(i).id(), method)
                        .isEqualTo(rates.rate(network.at(i), method));
            }
        }
    }

    @Test
    @DisplayName("ShippingRates §3: the same question gets the same rate, also from 8 threads at once")
    void same_question_same_rate() throws Exception {
        Network network = sampleNetwork();
        List<ShippingRate> expected = new ArrayList<>();
        for (Location l : network.locations()) {
            for (DeliveryMethod m : DeliveryMethod.values()) {
                expected.add(rates.rate(l, m));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ShippingRate>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<ShippingRate> seen = new ArrayList<>();
                    for (Location l : network.locations()) {
                        for (DeliveryMethod m : DeliveryMethod.values()) {
                            seen.add(rates.rate(l, m));
                        }
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (Future<List<ShippingRate>> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
