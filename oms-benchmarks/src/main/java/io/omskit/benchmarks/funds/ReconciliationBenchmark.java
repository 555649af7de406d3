package io.omskit.benchmarks.funds;

import io.omskit.core.order.OrderId;
import io.omskit.reporting.funds.ProviderMovement;
import io.omskit.reporting.funds.settlement.AdyenSettlementDetailsReader;
import io.omskit.reporting.funds.settlement.Classification;
import io.omskit.reporting.funds.settlement.Reconciler;
import io.omskit.reporting.funds.settlement.Reconciliation;
import io.omskit.reporting.funds.settlement.SettlementFiles;
import io.omskit.reporting.funds.settlement.SettlementSimulator;
import io.omskit.reporting.funds.settlement.StripeBalanceTransactionsReader;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementReader;
import io.omskit.reporting.funds.spi.Stakeholder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Funds reconciliation of a settlement report of {@code lines} lines: read the file (Adyen's settlement details report
 * or Stripe's balance transactions) and match every line to the orders' captures and refunds and to its payout batch,
 * posting each to the ledger. The setup generates the orders' movements (nine captures to one refund, amounts from
 * 0.01 to 500.00 EUR, two movements per order on average) and the file (1,000 lines per batch, a payout closing
 * each) in memory; one operation reads and reconciles it all and checks every line matched. The target is under 10 s
 * for 1,000,000 lines. Run:
 * <pre>java -jar oms-benchmarks/target/benchmarks.jar ReconciliationBenchmark -f 1 -wi 1 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class ReconciliationBenchmark {

    /** Settlement lines, payouts apart. */
    @Param("1000000")
    public int lines;

    /** The provider's file format. */
    @Param({"ADYEN", "STRIPE"})
    public String format;

    private List<ProviderMovement> expected;
    private byte[] file;
    private SettlementReader reader;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        SplittableRandom random = new SplittableRandom(21);
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        expected = new ArrayList<>(lines);
        int order = 0;
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(2) == 0) {
                order++;
            }
            ProviderMovement.Kind kind = random.nextInt(10) == 0 ? ProviderMovement.Kind.REFUND : ProviderMovement.Kind.CAPTURE;
            expected.add(new ProviderMovement(OrderId.of("ORD-" + order), kind, Money.ofMinor(CurrencyUnit.EUR, 1 + random.nextInt(50_000)),
                    t0.plus(Duration.ofSeconds(i)), ""));
        }
        List<SettlementLine> settlement = SettlementSimulator.standard().settle(expected);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(lines * 200);
        OutputStreamWriter out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        if (format.equals("ADYEN")) {
            SettlementFiles.adyen(settlement, out);
            reader = new AdyenSettlementDetailsReader();
        } else {
            SettlementFiles.stripe(settlement, out);
            reader = StripeBalanceTransactionsReader.create();
        }
        file = bytes.toByteArray();
        Reconciliation first = reconcile();
        if (!first.isClean() || first.count(Classification.MATCHED) != settlement.size()) {
            throw new IllegalStateException("the generated settlement must reconcile cleanly, found " + first.differences().size()
                    + " differences");
        }
    }

    @Benchmark
    public Reconciliation reconcile() {
        return Reconciler.of(Stakeholder.retailer("acme")).reconcile(expected, reader,
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8));
    }
}
