package io.omskit.core;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
class SmokeTest {
  @Test void junit() { assertThat(org.joda.money.CurrencyUnit.EUR.getCode()).isEqualTo("EUR"); }
  @Property(tries = 10) void jqwik(@ForAll int x) { assertThat(x + 0).isEqualTo(x); }
}
