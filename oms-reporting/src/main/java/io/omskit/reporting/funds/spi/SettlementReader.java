package io.omskit.reporting.funds.spi;

import java.io.Reader;
import java.util.function.Consumer;

/**
 * Reads one payment provider's settlement report. OMS Kit ships readers of Adyen's settlement details report and of
 * Stripe's balance transactions; a host adapts another provider by implementing this. Implementations are stateless and
 * thread-safe.
 */
public interface SettlementReader {

    /**
     * Reads every line of {@code report} in file order and hands each to {@code sink}.
     *
     * @throws io.omskit.reporting.funds.SettlementFormatException after the whole report was read, when rows were
     *         malformed: it names each bad row's line, column and value (lines handed to {@code sink} before are the
     *         good ones; callers discard them)
     * @throws java.io.UncheckedIOException when the report cannot be read
     */
    void read(Reader report, Consumer<? super SettlementLine> sink);
}
