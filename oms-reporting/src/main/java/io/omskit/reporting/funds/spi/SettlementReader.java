package io.omskit.reporting.funds.spi;

import java.io.Reader;
import java.util.function.Consumer;

/**
 * Reads one payment provider's settlement report. OMS Kit ships readers of Adyen's settlement details report and of
 * Stripe's balance transactions; a host adapts another provider by implementing this. Implementations are stateless and
 * thread-safe.
 *
 * <p>What an adapter promises, clause by clause (the TCK {@code SettlementReaderContract} checks each): every line
 * reaches the sink once, in file order, signed from the merchant's side (§1), numbered by its line in the file, the
 * header being line 1 (§2); a report of only its header hands nothing (§3); malformed rows are one
 * {@link io.omskit.reporting.funds.SettlementFormatException} after the whole report naming each bad row's line (§4), a
 * missing column one naming line 1 (§5); a report that cannot be read is an {@link java.io.UncheckedIOException} (§6);
 * one reader serves any number of threads at once (§7).
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
