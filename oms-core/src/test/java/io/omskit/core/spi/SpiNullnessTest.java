package io.omskit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * An adapter author's IDE reads the SPI's nullness from JSpecify: the package is null-marked, and each place where null
 * really flows (a value that answers null, a parameter that takes null) says so.
 */
class SpiNullnessTest {

    @Test
    void the_spi_package_and_the_value_packages_it_hands_over_are_null_marked() throws Exception {
        for (String pkg : List.of("io.omskit.core.spi", "io.omskit.core.catalog", "io.omskit.core.channel")) {
            assertThat(Class.forName(pkg + ".package-info").isAnnotationPresent(NullMarked.class)).as(pkg).isTrue();
        }
    }

    @Test
    void equality_takes_null_as_java_says() throws Exception {
        Method equals = io.omskit.core.catalog.Sku.class.getMethod("equals", Object.class);

        assertThat(equals.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class)).isTrue();
        assertThat(io.omskit.core.catalog.Sku.of("MUG").equals(null)).isFalse();
    }

    @Test
    void values_that_answer_null_are_declared_nullable() {
        assertThat(new OrderPage(List.of(), null).next()).isNull();
        assertThat(DeliveryReplan.placed(Map.of(), null).promised()).isNull();
        assertThat(DeliveryReplan.placed(Map.of(), null).refusal()).isNull();

        assertThat(nullable(component(OrderPage.class, "next"))).isTrue();
        assertThat(nullable(component(DeliveryReplan.class, "promised"))).isTrue();
        assertThat(nullable(component(DeliveryReplan.class, "refusal"))).isTrue();
        assertThat(nullable(component(LoggedNotification.class, "sentAt"))).isTrue();
        assertThat(nullable(component(OrderQuery.class, "after"))).isTrue();
        assertThat(nullable(component(OrderQuery.class, "customer"))).isTrue();
    }

    @Test
    void values_that_never_answer_null_stay_non_null() {
        assertThat(nullable(component(OrderPage.class, "orders"))).isFalse();
        assertThat(nullable(component(OrderQuery.class, "statuses"))).isFalse();
        assertThat(OrderQuery.all().statuses(null).statuses()).isEmpty();
        assertThat(nullable(component(DeliveryReplan.class, "placement"))).isFalse();
    }

    @Test
    void paging_parameters_that_take_null_for_the_first_page_are_declared_nullable() throws Exception {
        Method holders = InventoryStore.class.getMethod("holders", Instant.class, String.class, int.class);
        Method workQueue = FulfilmentRepository.class.getMethod("workQueue", io.omskit.core.network.LocationId.class,
                Set.class, WorkQueuePosition.class, int.class);

        assertThat(holders.getAnnotatedParameterTypes()[1].isAnnotationPresent(Nullable.class)).isTrue();
        assertThat(holders.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class)).isFalse();
        assertThat(workQueue.getAnnotatedParameterTypes()[2].isAnnotationPresent(Nullable.class)).isTrue();
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(record.getSimpleName() + " has no component " + name);
    }

    private static boolean nullable(RecordComponent component) {
        AnnotatedElement type = component.getAnnotatedType();
        return type.isAnnotationPresent(Nullable.class);
    }
}
