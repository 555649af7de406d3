package io.omskit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The number of orders or fulfilments a host expects sizes an in-memory repository; it cannot be negative. */
class InMemoryRepositorySizeTest {

    @Test
    void refuses_a_negative_number_of_expected_orders() {
        assertThatThrownBy(() -> new InMemoryOrderRepository(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectedOrders must be >= 0, was -1");
    }

    @Test
    void refuses_a_negative_number_of_expected_fulfilments() {
        assertThatThrownBy(() -> new InMemoryFulfilmentRepository(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectedFulfilments must be >= 0, was -1");
    }
}
