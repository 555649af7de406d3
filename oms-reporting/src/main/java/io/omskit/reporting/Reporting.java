package io.omskit.reporting;

import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Checks;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.EventPublisher;
import io.omskit.reporting.export.CsvExport;
import io.omskit.reporting.export.JsonExport;
import io.omskit.reporting.export.ReportTables;
import io.omskit.reporting.export.Table;
import io.omskit.reporting.html.HtmlReport;
import io.omskit.reporting.measure.Measures;
import io.omskit.reporting.measure.Report;
import io.omskit.reporting.measure.ReportPeriod;
import io.omskit.reporting.measure.UnitCosts;
import io.omskit.reporting.projection.EventProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reporting for a host: live measures over the domain events, and their CSV, JSON and HTML reports.
 *
 * <pre>{@code
 * Reporting reporting = Reporting.builder().clock(clock).zone(ZoneId.of("Europe/Berlin")).catalog(catalog).build();
 * Oms oms = Oms.builder()...events(reporting.alongside(hostPublisher)).build();   // live
 * reporting.rebuild(pastEvents);                                                  // or from history, or both
 * Report report = reporting.report(reporting.lastDays(30));
 * reporting.writeHtml(report, Path.of("target/oms-report.html"));
 * }</pre>
 *
 * <p>Events may arrive twice, late or out of order, from the in-process publisher and from the outbox relay at the same
 * time: the figures are those of the history in order, once (see {@link EventProjection}). Thread-safe.
 */
public final class Reporting {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Reporting.class);

    private final EventProjection projection = new EventProjection();
    private final Clock clock;
    private final ZoneId zone;
    private final Measures measures;

    private Reporting(Builder b) {
        this.clock = b.clock;
        this.zone = b.zone;
        Function<Sku, String> categories = b.categories;
        this.measures = new Measures(projection, categories, b.unitCosts, clock);
    }

    /** A builder: the system clock in UTC and every SKU in the category {@code "uncategorised"} unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A publisher that feeds every event to the reports; it never throws for an event (one it cannot read is
     * skipped). Give it to the {@code Oms} builder next to the host's own, with {@link #alongside}.
     */
    public EventPublisher publisher() {
        return events -> {
            for (DomainEvent e : events) {
                try {
                    if (e != null) {
                        projection.ingest(e);
                    }
                } catch (RuntimeException unreadable) {
                    // the host's workflow must not fail because a report could not read an event
                    LOG.warn("reporting skipped event {}: {}", e.eventId(), unreadable.toString());
                }
            }
        };
    }

    /**
     * A publisher that hands events to {@code host} first, then to the reports; a failure of {@code host} is thrown
     * after the reports have the events (they ignore the second copy of a retry).
     */
    public EventPublisher alongside(EventPublisher host) {
        Checks.notNull(host, "host");
        EventPublisher mine = publisher();
        return events -> {
            try {
                host.publish(events);
            } finally {
                mine.publish(events);
            }
        };
    }

    /**
     * Feeds past events to the reports, in any order, overlapping the live ones or not: afterwards the figures are those
     * of every distinct event seen.
     *
     * @return how many of them told something new
     */
    public int rebuild(Iterable<? extends DomainEvent> history) {
        return projection.ingestAll(history);
    }

    /**
     * Records the stock a position held before the history fed to the reports (stock loaded in bulk raises no events),
     * for stock turnover, days of cover and slow movers.
     */
    public void openingStock(Sku sku, LocationId location, int units, Instant at) {
        projection.openingStock(sku, location, units, at);
    }

    /** The facts the measures are computed from. */
    public EventProjection projection() {
        return projection;
    }

    /** Every measure, one method each. */
    public Measures measures() {
        return measures;
    }

    /** The time zone whose calendar days the reports count in. */
    public ZoneId zone() {
        return zone;
    }

    /** The last {@code days} days up to and including today, in the reports' zone. */
    public ReportPeriod lastDays(int days) {
        Checks.positive(days, "days");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return ReportPeriod.of(today.minusDays(days - 1L), today, zone);
    }

    /** Every measure of {@code period}, now. */
    public Report report(ReportPeriod period) {
        return Report.of(measures, period);
    }

    /** The report as tables, one per measure and breakdown, as the CSV export writes them. */
    public List<Table> tables(Report report) {
        return ReportTables.of(report);
    }

    /**
     * Writes the report as one CSV file per table ({@code <table name>.csv}, UTF-8, header row first) into
     * {@code directory}, creating it when missing.
     *
     * @return the files written
     * @throws UncheckedIOException when a file cannot be written
     */
    public List<Path> writeCsv(Report report, Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>();
            for (Table t : ReportTables.of(report)) {
                Path file = directory.resolve(t.name() + ".csv");
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    CsvExport.write(t, w);
                }
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV report to " + directory, e);
        }
    }

    /**
     * Writes the report as one JSON document (an object with the period and one array of rows per table).
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path writeJson(Report report, Path file) {
        return write(file, w -> JsonExport.write(report, w));
    }

    /**
     * Writes the report as one self-contained HTML page: tables and inline SVG charts, inline CSS, no script and nothing
     * fetched from the network.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path writeHtml(Report report, Path file) {
        return write(file, w -> HtmlReport.write(report, w));
    }

    private interface Output {
        void to(Writer w) throws IOException;
    }

    private static Path write(Path file, Output output) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                output.to(w);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    /** Builds {@link Reporting}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private Function<Sku, String> categories = sku -> UNCATEGORISED;
        private UnitCosts unitCosts = UnitCosts.none();

        /** The category of a SKU the catalog does not know. */
        public static final String UNCATEGORISED = "uncategorised";

        private Builder() {
        }

        /** Where "now" comes from; the host's clock. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** The time zone whose calendar days the reports count in. */
        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "zone");
            return this;
        }

        /** The host's catalog, for the category of each SKU. */
        public Builder catalog(Catalog catalog) {
            Checks.notNull(catalog, "catalog");
            java.util.Map<Sku, String> known = new java.util.concurrent.ConcurrentHashMap<>();
            // the catalog is asked once per SKU: a report touches every line of every order
            this.categories = sku -> known.computeIfAbsent(sku,
                    s -> catalog.find(s).map(SkuAttributes::category).orElse(UNCATEGORISED));
            return this;
        }

        /**
         * What a unit of each SKU cost the retailer, for stock turnover and days of cover in value
         * ({@link Measures#stockTurnoverValue}); without it (or for a SKU it does not price) they are in units only.
         */
        public Builder unitCosts(UnitCosts unitCosts) {
            this.unitCosts = Checks.notNull(unitCosts, "unitCosts");
            return this;
        }

        /** Builds it, with no events yet. */
        public Reporting build() {
            return new Reporting(this);
        }
    }
}
