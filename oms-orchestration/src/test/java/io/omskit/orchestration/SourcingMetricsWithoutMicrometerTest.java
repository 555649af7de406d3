package io.omskit.orchestration;

import static io.omskit.orchestration.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.OmsMetrics;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.Network;
import io.omskit.core.spi.InventoryStore;
import io.omskit.orchestration.demand.SourcingRequest;
import io.omskit.orchestration.result.SourcingResult;
import io.omskit.orchestration.rulebook.RuleBook;
import io.omskit.orchestration.rulebook.RuleSet;
import io.omskit.orchestration.rules.ShippingCost;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Sourcing reports its timing through the core's metrics hook, and runs with or without a hook on a class path that
 * has no Micrometer (this module's tests do not: Micrometer is an optional dependency of the core).
 */
class SourcingMetricsWithoutMicrometerTest {

    private final Network network = network(warehouse("W1", 1), warehouse("W2", 3));
    private final RuleSet rules = RuleSet.builder("home").cost(new ShippingCost(rates())).build();
    private final InMemoryInventoryStore store = InMemoryInventoryStore.create(CLOCK);
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final OmsMetrics recording = new OmsMetrics() {
        @Override
        public void sourcingTimed(long nanos, String result) {
            reported.add(result + (nanos >= 0 ? "" : " negative"));
        }
    };

    private SourcingEngine engine(InventoryStore inventory, OmsMetrics metrics) {
        return SourcingEngine.builder().network(network).rules(RuleBook.of(rules)).clock(CLOCK).inventory(inventory)
                .metrics(metrics).build();
    }

    @Test
    void micrometer_is_not_on_this_class_path() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void sourcing_without_a_hook_works_without_micrometer() {
        store.load(sku("A"), id("W1"), 5);

        SourcingResult result = engine(store, OmsMetrics.NONE).source(SourcingRequest.of(order("o1", home(), "A", 2)));

        assertThat(result.isAllocated()).isTrue();
    }

    @Test
    void each_sourcing_reports_how_it_ended() {
        store.load(sku("A"), id("W1"), 2);
        SourcingEngine engine = engine(store, recording);

        engine.source(SourcingRequest.of(order("o1", home(), "A", 2)));
        engine.source(SourcingRequest.of(order("o2", home(), "A", 1)));

        assertThat(reported).containsExactly("allocated", "nothing_allocated");
    }

    @Test
    void a_store_that_fails_is_reported_as_an_error_and_the_failure_reaches_the_caller() {
        store.load(sku("A"), id("W1"), 2);
        InventoryStore failing = (InventoryStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {InventoryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("allocate")) {
                        throw new IllegalStateException("store down");
                    }
                    return method.invoke(store, args);
                });

        assertThatThrownBy(() -> engine(failing, recording).source(SourcingRequest.of(order("o1", home(), "A", 2))))
                .hasMessageContaining("store down");

        assertThat(reported).containsExactly("error");
    }
}
