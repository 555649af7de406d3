package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.common.Problem;
import io.omskit.reporting.funds.SettlementFormatException;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementLineType;
import io.omskit.reporting.funds.spi.SettlementReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SettlementReader}, for a reader of a line-based report (a header line, then one row per
 * line). Extend it with the reader, a way to write lines in its provider's format, and one malformed row:
 * <pre>{@code
 * class MyReaderContractTest extends SettlementReaderContract {
 *     protected SettlementReader newReader() { return new MyProviderReader(); }
 *     protected String reportOf(List<SettlementLine> lines) { return MyProviderFiles.write(lines); }
 *     protected String malformedRow() { return "x1,charge,ten,0,0,eur,..."; }
 * }
 * }</pre>
 * The lines compared are what the provider's format carries: type, merchant reference, gross (payouts apart, whose
 * gross providers leave out), net, fees, payout batch and time. Each test's display name starts with the clause it
 * checks.
 */
public abstract class SettlementReaderContract {

    /** A new reader; called before each test. */
    protected abstract SettlementReader newReader();

    /** The report the provider would send for {@code lines}: a header line, then one row per line, in order. */
    protected abstract String reportOf(List<SettlementLine> lines);

    /** One data row of the provider's format that the reader must refuse (an amount that is not a number, say). */
    protected abstract String malformedRow();

    /** The reader under test, new for each test. */
    protected SettlementReader reader;

    @BeforeEach
    void createReader() {
        reader = newReader();
    }

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    /** A payment, a partial refund of it, a second payment and the payout of the batch, signed from the merchant's side. */
    protected static List<SettlementLine> sampleLines() {
        Instant at = Instant.parse("2030-03-04T09:15:00Z");
        return List.of(
                new SettlementLine(0, "MOD-1", "PSP-1", "ORDER-1", SettlementLineType.PAYMENT, "Settled", at,
                        eur("100.00"), eur("98.80"), eur("1.20"), "B7"),
                new SettlementLine(0, "MOD-2", "PSP-1", "ORDER-1", SettlementLineType.REFUND, "Refunded",
                        at.plusSeconds(3_600), eur("-20.00"), eur("-20.00"), eur("0.00"), "B7"),
                new SettlementLine(0, "MOD-3", "PSP-3", "ORDER-2", SettlementLineType.PAYMENT, "Settled",
                        at.plusSeconds(7_200), eur("45.50"), eur("44.90"), eur("0.60"), "B7"),
                new SettlementLine(0, "PAYOUT-B7", "", "", SettlementLineType.PAYOUT, "MerchantPayout",
                        at.plusSeconds(86_400), eur("0.00"), eur("-123.70"), eur("0.00"), "B7"));
    }

    private static Tuple compared(SettlementLine l) {
        return Tuple.tuple(l.type(), l.merchantReference(), l.type() == SettlementLineType.PAYOUT ? null : l.gross(),
                l.net(), l.fees(), l.batch(), l.createdAt());
    }

    private List<SettlementLine> read(SettlementReader r, String report) {
        List<SettlementLine> lines = new ArrayList<>();
        r.read(new StringReader(report), lines::add);
        return lines;
    }

    /** {@code report} with {@code row} put in as line {@code at} (1 is the header), and at the end. */
    private static String withRow(String report, String row, int at) {
        List<String> lines = new ArrayList<>(Arrays.asList(report.split("\r?\n")));
        lines.add(at - 1, row);
        lines.add(row);
        return String.join("\n", lines) + "\n";
    }

    @Test
    @DisplayName("SettlementReader §1: every line of the report reaches the sink once, in file order, signed from the"
            + " merchant's side")
    void reads_every_line_in_order() {
        List<SettlementLine> lines = read(reader, reportOf(sampleLines()));

        assertThat(lines).extracting(SettlementReaderContract::compared)
                .containsExactlyElementsOf(sampleLines().stream().map(SettlementReaderContract::compared).toList());
    }

    @Test
    @DisplayName("SettlementReader §2: each line carries its line number in the file, the header being line 1")
    void line_numbers_are_the_files() {
        List<SettlementLine> lines = read(reader, reportOf(sampleLines()));

        assertThat(lines).extracting(SettlementLine::lineNumber).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("SettlementReader §3: a report of only its header hands nothing to the sink")
    void header_only_reads_nothing() {
        assertThat(read(reader, reportOf(List.of()))).isEmpty();
    }

    @Test
    @DisplayName("SettlementReader §4: malformed rows are a SettlementFormatException after the whole report, naming"
            + " each bad row's line; what reached the sink are good lines")
    void malformed_rows_are_named_after_the_whole_report() {
        String report = withRow(reportOf(sampleLines()), malformedRow(), 3);
        int lastLine = sampleLines().size() + 3;
        List<SettlementLine> handed = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(new StringReader(report), handed::add))
                .isInstanceOf(SettlementFormatException.class)
                .satisfies(e -> assertThat(((SettlementFormatException) e).problems()).extracting(Problem::field)
                        .anySatisfy(f -> assertThat(f).startsWith("line 3"))
                        .anySatisfy(f -> assertThat(f).startsWith("line " + lastLine)));
        assertThat(handed).extracting(SettlementReaderContract::compared)
                .isSubsetOf(sampleLines().stream().map(SettlementReaderContract::compared).toList());
    }

    @Test
    @DisplayName("SettlementReader §5: a report without a column the reader needs is a SettlementFormatException naming"
            + " line 1")
    void missing_column_names_the_header() {
        assertThatThrownBy(() -> read(reader, "Something,Else\n1,2\n"))
                .isInstanceOf(SettlementFormatException.class)
                .satisfies(e -> assertThat(((SettlementFormatException) e).problems()).extracting(Problem::field)
                        .anySatisfy(f -> assertThat(f).startsWith("line 1")));
    }

    @Test
    @DisplayName("SettlementReader §6: a report that cannot be read is an UncheckedIOException")
    void unreadable_report_is_unchecked_io() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> reader.read(broken, l -> { })).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    @DisplayName("SettlementReader §7: one reader used by 8 threads at once reads each report whole and alone")
    void one_reader_many_threads() throws Exception {
        String report = reportOf(sampleLines());
        List<SettlementLine> expected = read(reader, report);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<SettlementLine>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<SettlementLine> all = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        all.addAll(read(reader, report));
                    }
                    return all;
                }));
            }
            start.countDown();
            for (Future<List<SettlementLine>> f : futures) {
                List<SettlementLine> all = f.get(60, TimeUnit.SECONDS);
                assertThat(all).hasSize(20 * expected.size());
                for (int i = 0; i < all.size(); i++) {
                    assertThat(all.get(i)).isEqualTo(expected.get(i % expected.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
