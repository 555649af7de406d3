package io.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Names and addresses never reach the logs: the whole demo storefront runs (orders from every channel, failures and
 * retries, fulfilment, returns, customer service with notes) with the library logging at debug level, and the log lines
 * hold none of the customers' names or address parts.
 */
class PersonalDataNotLoggedTest {

    @Test
    void a_journey_through_every_workflow_logs_no_name_and_no_address() {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
        Demo.Results results;
        try {
            System.setErr(capture);
            System.setOut(capture);
            results = new Demo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)).run();
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logged = logs.toString(StandardCharsets.UTF_8);

        assertThat(results.story.entries()).as("the journey ran to its end").isNotEmpty();
        assertThat(logged).as("the library logged").contains("io.omskit").contains("DEBUG");
        assertThat(logged).doesNotContain("Demo Customer").doesNotContain("Demo Street").doesNotContain("10115")
                .doesNotContain("Customer called");
    }
}
