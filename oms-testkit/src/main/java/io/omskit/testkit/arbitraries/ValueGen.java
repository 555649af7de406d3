package io.omskit.testkit.arbitraries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Identifiers, text, time and money: the small values the other generators are made of. */
final class ValueGen {

    /** 2020-01-01T00:00:00Z. */
    static final long MIN_EPOCH_SECOND = 1_577_836_800L;
    /** 2035-01-01T00:00:00Z. */
    static final long MAX_EPOCH_SECOND = 2_051_222_400L;

    static final List<CurrencyUnit> CURRENCIES = List.of(CurrencyUnit.EUR, CurrencyUnit.USD, CurrencyUnit.GBP,
            CurrencyUnit.CHF, CurrencyUnit.of("SEK"), CurrencyUnit.JPY, CurrencyUnit.of("BHD"));

    private ValueGen() {
    }

    /**
     * Text that {@code Checks.identifier} accepts: mostly readable ({@code prefix-A1B2}), sometimes anything
     * printable (quotes, backslashes, accents, CJK) to exercise escaping.
     */
    static Arbitrary<String> identifiers(String prefix) {
        Arbitrary<String> readable = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(1).ofMaxLength(8)
                .map(s -> prefix + "-" + s);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, readable),
                net.jqwik.api.Tuple.of(1, text(1, 40)));
    }

    /** Printable text without control characters, not blank, of {@code min} to {@code max} characters. */
    static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a1', '\u017f')
                .withCharRange('\u4e00', '\u4e3f')
                .withChars('\u20ac', '\u2014')
                .ofMinLength(min).ofMaxLength(max)
                .filter(s -> !s.isBlank());
    }

    /** Text for free-form fields such as references and messages; may be empty. */
    static Arbitrary<String> optionalText() {
        return Arbitraries.oneOf(Arbitraries.just(""), text(1, 30));
    }

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    /** Instants between 2020 and 2035, with nanoseconds. */
    static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(MIN_EPOCH_SECOND, MAX_EPOCH_SECOND),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 999_999_999))))
                .as(Instant::ofEpochSecond);
    }

    static Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of(CURRENCIES);
    }

    /** Amounts from {@code min} to {@code max} major units at the currency's scale. */
    static Arbitrary<Money> money(CurrencyUnit currency, long min, long max) {
        int scale = currency.getDecimalPlaces();
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(min), BigDecimal.valueOf(max)).ofScale(scale)
                .map(amount -> Money.of(currency, amount));
    }

    /** A share of {@code whole}: 0 to 100 percent, rounded down to the currency's scale. */
    static Arbitrary<Money> shareOf(Money whole) {
        return Arbitraries.integers().between(0, 100)
                .map(pct -> whole.multipliedBy(BigDecimal.valueOf(pct, 2), RoundingMode.DOWN));
    }
}
