package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.spi.HolidaySource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link HolidaySource}. Extend it with one factory method:
 * <pre>{@code
 * class MyHolidaysContractTest extends HolidaySourceContract {
 *     protected HolidaySource newSource() { return new MyHolidayService(testEndpoint); }
 * }
 * }</pre>
 * The samples are German: Christmas Day is a national holiday, Epiphany (6 January) one of Bavaria ({@code by}) only.
 * A source for other countries overrides {@link #country()}, {@link #region()}, {@link #nationalHoliday()} and
 * {@link #regionalHoliday()}. Each test's display name starts with the clause it checks.
 */
public abstract class HolidaySourceContract {

    /** A new source; called before each test. */
    protected abstract HolidaySource newSource();

    /** A country the source knows; by default {@code DE}. */
    protected String country() {
        return "DE";
    }

    /** A region of {@link #country()} with a holiday of its own; by default {@code by} (Bavaria). */
    protected String region() {
        return "by";
    }

    /** A national holiday of {@link #country()}; by default Christmas Day 2030. */
    protected LocalDate nationalHoliday() {
        return LocalDate.of(2030, 12, 25);
    }

    /** A holiday of {@link #region()} that is not national, in the same year; by default Epiphany 2030. */
    protected LocalDate regionalHoliday() {
        return LocalDate.of(2030, 1, 6);
    }

    /** The source under test, new for each test. */
    protected HolidaySource source;

    @BeforeEach
    void createSource() {
        source = newSource();
    }

    private int year() {
        return nationalHoliday().getYear();
    }

    @Test
    @DisplayName("HolidaySource §1: a country's national holidays include its known holiday, all in the year asked")
    void national_holidays_of_the_year() {
        Set<LocalDate> holidays = source.publicHolidays(country(), null, year());

        assertThat(holidays).contains(nationalHoliday()).allSatisfy(d -> assertThat(d.getYear()).isEqualTo(year()));
        assertThat(source.publicHolidays(country(), null, year() + 1))
                .contains(nationalHoliday().plusYears(1))
                .allSatisfy(d -> assertThat(d.getYear()).isEqualTo(year() + 1));
    }

    @Test
    @DisplayName("HolidaySource §2: a region's holidays are the national ones and its own; without a region, only the"
            + " national ones")
    void regional_holidays_add_to_the_national() {
        Set<LocalDate> national = source.publicHolidays(country(), null, year());
        Set<LocalDate> regional = source.publicHolidays(country(), region(), year());

        assertThat(regional).containsAll(national).contains(regionalHoliday());
        assertThat(national).doesNotContain(regionalHoliday());
    }

    @Test
    @DisplayName("HolidaySource §3: a country the source does not know has no holidays: empty, not null, not an exception")
    void unknown_country_is_empty() {
        assertThat(source.publicHolidays("ZZ", null, year())).isNotNull().isEmpty();
        assertThat(source.publicHolidays("ZZ", "nowhere", year())).isNotNull().isEmpty();
    }

    @Test
    @DisplayName("HolidaySource §4: the same question gets the same answer, also from 8 threads at once")
    void same_question_same_answer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Set<LocalDate>>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Set<LocalDate>> seen = new ArrayList<>();
                    for (int y = 0; y < 5; y++) {
                        seen.add(source.publicHolidays(country(), region(), year() + y));
                    }
                    return seen;
                }));
            }
            start.countDown();
            List<Set<LocalDate>> expected = new ArrayList<>();
            for (int y = 0; y < 5; y++) {
                expected.add(Set.copyOf(source.publicHolidays(country(), region(), year() + y)));
            }
            for (Future<List<Set<LocalDate>>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
