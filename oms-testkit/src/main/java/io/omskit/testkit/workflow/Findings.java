package io.omskit.testkit.workflow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the end checks of the workflow contract found, check by check. Not thread-safe: the checks run alone. */
final class Findings {

    /** The end checks, each named in the reports. */
    enum Check {
        OPERATIONS("operations broken"),
        ORDERS_LOST("orders lost"),
        LEDGER("shipments unlike the ledger"),
        FULFILMENTS("order and fulfilments disagree"),
        STOCK_HELD("stock held unlike the order"),
        HOLDERS_UNKNOWN("stock held for no order"),
        SWEEP("stock left for the sweep"),
        CAPTURED_TWICE("captured beyond the total"),
        MONEY_DISAGREES("provider and order disagree"),
        AUTHORISATION_KEPT("cancelled but authorised"),
        SHIPPED_UNCAPTURED("shipped but not captured"),
        EVENTS_LOST("versions whose events were not published");

        final String label;

        Check(String label) {
            this.label = label;
        }
    }

    private final Map<Check, List<String>> byCheck = new EnumMap<>(Check.class);

    void add(Check check, String problem) {
        byCheck.computeIfAbsent(check, c -> new ArrayList<>()).add(problem);
    }

    boolean isEmpty() {
        return byCheck.isEmpty();
    }

    /** Every problem found, check by check. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        byCheck.values().forEach(all::addAll);
        return all;
    }

    /** How many problems each check found, zeros included, in the order of {@link Check}. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Check c : Check.values()) {
            counts.put(c.label, byCheck.getOrDefault(c, List.of()).size());
        }
        return counts;
    }
}
