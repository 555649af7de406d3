package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.postgres.internal.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An instant the adapters bind is the instant PostgreSQL stores and compares, to the microsecond, whatever the
 * session's time zone, in an insert, a comparison and an update alike, and it carries its type: a statement need not
 * cast it ({@code ? IS NOT NULL}, {@code at < ? - interval} would fail on an untyped text parameter).
 */
class InstantBindingProperties {

    private static final Instant YEAR_1 = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant YEAR_99999 = Instant.parse("+99999-12-31T23:59:59.999999999Z");

    @Property(tries = 200)
    void a_bound_instant_is_stored_and_matched_to_the_microsecond(@ForAll("instants") Instant instant) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL TIME ZONE 'Asia/Kathmandu'");
                    s.execute("CREATE TEMP TABLE bound_instants (id int, at timestamptz, later timestamptz) ON COMMIT DROP");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bound_instants (id, at) VALUES (1, ?)")) {
                    Sql.setInstant(ps, 1, instant);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE bound_instants SET later = ? WHERE at = ?")) {
                    Sql.setInstant(ps, 1, instant);
                    Sql.setInstant(ps, 2, instant);
                    assertThat(ps.executeUpdate()).as("rows matching %s", instant).isEqualTo(1);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT at, later FROM bound_instants WHERE at <= ? AND ? IS NOT NULL")) {
                    Sql.setInstant(ps, 1, instant);
                    Sql.setInstant(ps, 2, instant);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(Sql.getInstant(rs, "at")).isEqualTo(Sql.micros(instant));
                        assertThat(Sql.getInstant(rs, "later")).isEqualTo(Sql.micros(instant));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Example
    void a_null_instant_is_stored_as_null() throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TEMP TABLE bound_instants (at timestamptz) ON COMMIT DROP");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bound_instants (at) VALUES (?)")) {
                    Sql.setInstant(ps, 1, null);
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT at FROM bound_instants")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(Sql.getInstant(rs, "at")).isNull();
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anyYear = Arbitraries.longs().between(YEAR_1.getEpochSecond(), YEAR_99999.getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
        Arbitrary<Instant> nearNow = Arbitraries.longs().between(0, 4_102_444_800L)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
        Arbitrary<Instant> edges = Arbitraries.of(YEAR_1, Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), YEAR_99999, Instant.EPOCH,
                Instant.parse("2026-12-08T01:02:03.000000500Z"), Instant.parse("2026-12-08T01:02:03.123456789Z"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, anyYear), net.jqwik.api.Tuple.of(3, nearNow), net.jqwik.api.Tuple.of(1, edges));
    }
}
