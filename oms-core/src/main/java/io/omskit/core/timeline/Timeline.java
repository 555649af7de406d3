package io.omskit.core.timeline;

import io.omskit.core.common.Checks;
import io.omskit.core.order.OrderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The story of one order: every entry, oldest first. Entries at the same moment keep the order of their sources (the
 * order's own events, then its fulfilments' by id, then the other sources in the order they were registered) and, within
 * a source, the order it gave them. Written as JSON by the library's Jackson module for a UI; {@link #text()} for an
 * agent.
 *
 * @param orderId the order
 * @param entries the entries, oldest first
 */
public record Timeline(OrderId orderId, List<TimelineEntry> entries) {

    public Timeline {
        Checks.notNull(orderId, "orderId");
        entries = Checks.list(entries, "entries");
    }

    /** The timeline of {@code orderId} merged from {@code sources}, each oldest first, by time (a stable merge). */
    public static Timeline merge(OrderId orderId, List<List<TimelineEntry>> sources) {
        List<TimelineEntry> all = new ArrayList<>();
        sources.forEach(all::addAll);
        all.sort(Comparator.comparing(TimelineEntry::at));
        return new Timeline(orderId, all);
    }

    /** The entries as lines of text, one per entry, oldest first. */
    public String text() {
        StringBuilder out = new StringBuilder("Order ").append(orderId).append('\n');
        for (TimelineEntry e : entries) {
            out.append(e.line()).append('\n');
        }
        return out.toString();
    }

    /** The entries of {@code kind}, such as {@code order.note-added}. */
    public List<TimelineEntry> ofKind(String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
