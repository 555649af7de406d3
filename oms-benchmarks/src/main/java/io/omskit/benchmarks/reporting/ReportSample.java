package io.omskit.benchmarks.reporting;

import io.omskit.core.catalog.Sku;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.network.LocationId;
import io.omskit.reporting.Reporting;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReportPeriod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Writes the HTML report of a generated week of a shop (the ingest benchmark's history: 5,000 orders), the page the
 * README's picture shows. Run: {@code java -cp oms-benchmarks/target/benchmarks.jar
 * io.omskit.benchmarks.reporting.ReportSample target/report-sample.html}
 */
public final class ReportSample {

    private ReportSample() {
    }

    /** Writes the page to the file named by the first argument ({@code target/report-sample.html} by default). */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "target/report-sample.html");
        List<DomainEvent> history = ReportingIngestBenchmark.history(new Random(7), 5_000);
        Instant now = Instant.parse("2026-01-09T00:00:00Z");
        Reporting reporting = Reporting.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).zone(ZoneOffset.UTC).build();
        Instant opening = Instant.parse("2026-01-01T00:00:00Z");
        for (int s = 0; s < 400; s++) {
            for (String location : new String[] {"WH-1", "WH-2", "ST-1", "ST-2", "ST-3"}) {
                reporting.openingStock(Sku.of("SKU-" + s), LocationId.of(location), 60, opening);
            }
        }
        reporting.rebuild(history);
        Report report = reporting.report(ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 8), ZoneOffset.UTC));
        System.out.println("report of " + history.size() + " events written to " + reporting.writeHtml(report, file).toAbsolutePath());
    }
}
