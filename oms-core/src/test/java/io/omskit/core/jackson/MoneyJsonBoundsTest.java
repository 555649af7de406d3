package io.omskit.core.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omskit.core.order.Adjustment;
import java.math.BigDecimal;
import java.time.Duration;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A money amount read from JSON is refused, quickly and naming the field and the value, when it is too long, too
 * large, or finer than its currency: never rescaled at the cost of seconds of CPU.
 */
class MoneyJsonBoundsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(2);

    private final ObjectMapper mapper = OmsJson.newMapper();

    private Money read(String json) throws Exception {
        return mapper.readValue(json, Money.class);
    }

    @Test
    void refuses_a_huge_exponent_in_a_string_without_rescaling_it() {
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> read("{\"currency\":\"EUR\",\"amount\":\"1e10000000\"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("\"1e10000000\"")
                .hasMessageContaining("money amount must be less than 10^15 in magnitude"));
    }

    @Test
    void refuses_a_huge_exponent_in_a_number_and_a_huge_negative_one_without_rescaling_them() {
        assertTimeoutPreemptively(QUICKLY, () -> {
            assertThatThrownBy(() -> read("{\"currency\":\"EUR\",\"amount\":1e999999999}"))
                    .isInstanceOf(JsonMappingException.class)
                    .hasMessageContaining("money amount must be less than 10^15 in magnitude");
            assertThatThrownBy(() -> read("{\"amount\":\"-1E+2147483647\",\"currency\":\"EUR\"}"))
                    .isInstanceOf(JsonMappingException.class)
                    .hasMessageContaining("money amount must be less than 10^15 in magnitude");
            assertThatThrownBy(() -> read("{\"currency\":\"EUR\",\"amount\":\"1e-999999999\"}"))
                    .isInstanceOf(JsonMappingException.class)
                    .hasMessageContaining("\"1e-999999999\"")
                    .hasMessageContaining("money amount must have at most 2 decimal places in EUR");
        });
    }

    @Test
    void refuses_an_amount_longer_than_40_characters_quoting_it_abbreviated() {
        String digits = "1" + "0".repeat(10_000);

        assertThatThrownBy(() -> read("{\"currency\":\"EUR\",\"amount\":\"" + digits + "\"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("money amount must be at most 40 characters long, has 10001, was '1" + "0".repeat(39)
                        + "...' (10001 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        assertThatThrownBy(() -> read("{\"currency\":\"EUR\",\"amount\":" + digits.substring(0, 500) + "}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("money amount must be at most 40 characters long, has 500");
    }

    @Test
    void names_the_field_of_a_nested_amount() {
        String adjustment = "{\"code\":\"shipping\",\"amount\":{\"currency\":\"EUR\",\"amount\":\"1e100\"}}";

        assertThatThrownBy(() -> mapper.readValue(adjustment, Adjustment.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("money amount must be less than 10^15 in magnitude")
                .hasMessageContaining("[\"amount\"]");
    }

    @Test
    void refuses_more_decimals_than_the_currency_has_instead_of_rounding() {
        assertThatThrownBy(() -> read("{\"currency\":\"JPY\",\"amount\":\"100.5\"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("money amount must have at most 0 decimal places in JPY");
        assertThatThrownBy(() -> read("{\"currency\":\"EUR\",\"amount\":\"12.340\"}"))
                .as("written finer than the currency, even if the last digit is a zero")
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("\"12.340\": money amount must have at most 2 decimal places in EUR");
    }

    @Test
    void accepts_amounts_within_the_bounds() throws Exception {
        assertThat(read("{\"currency\":\"EUR\",\"amount\":\"999999999999999.99\"}").getAmount())
                .isEqualByComparingTo(new BigDecimal("999999999999999.99"));
        assertThat(read("{\"currency\":\"EUR\",\"amount\":\"-999999999999999.99\"}").isNegative()).isTrue();
        assertThat(read("{\"currency\":\"EUR\",\"amount\":\"1.5e3\"}")).isEqualTo(Money.parse("EUR 1500.00"));
        assertThat(read("{\"currency\":\"EUR\",\"amount\":12.5}")).isEqualTo(Money.parse("EUR 12.50"));
        assertTimeoutPreemptively(QUICKLY, () -> assertThat(read("{\"currency\":\"EUR\",\"amount\":\"0e999999999\"}"))
                .isEqualTo(Money.zero(CurrencyUnit.EUR)));
        assertThatThrownBy(() -> read("{\"currency\":\"EUR\",\"amount\":\"1000000000000000\"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("money amount must be less than 10^15 in magnitude");
    }
}
