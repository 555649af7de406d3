package io.omskit.returns;

import io.omskit.core.common.Checks;
import io.omskit.core.order.Actor;
import io.omskit.core.order.OrderId;
import io.omskit.core.timeline.TimelineEntry;
import io.omskit.core.timeline.TimelineSource;
import io.omskit.returns.rma.Inspection;
import io.omskit.returns.rma.Receipt;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.spi.ReturnRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The returns of an order in its timeline: register it with {@code Oms.builder().timelineSource(new
 * ReturnTimeline(repository))}, on the repository the {@link Returns} use. Read from each return as stored: when it
 * was authorised (by its customer, with each line's reason), every receipt, inspection and refund at its time.
 */
public final class ReturnTimeline implements TimelineSource {

    private final ReturnRepository returns;

    /** The returns kept by {@code returns}. */
    public ReturnTimeline(ReturnRepository returns) {
        this.returns = Checks.notNull(returns, "returns");
    }

    @Override
    public List<TimelineEntry> entries(OrderId orderId) {
        List<Return> ofOrder = new ArrayList<>(returns.findByOrder(Checks.notNull(orderId, "orderId")));
        ofOrder.sort(Comparator.comparing(Return::openedAt).thenComparing(r -> r.id().value()));
        List<TimelineEntry> entries = new ArrayList<>();
        for (Return r : ofOrder) {
            String subject = "return " + r.id().value();
            StringJoiner lines = new StringJoiner(", ");
            StringJoiner reasons = new StringJoiner(", ");
            for (ReturnLine l : r.lines()) {
                lines.add(l.quantity() + " of line " + l.line());
                reasons.add(String.valueOf(l.reason()));
            }
            entries.add(new TimelineEntry(r.openedAt(), Actor.customer(r.customer()), "return.authorised", subject,
                    "Return authorised from " + r.openedFrom() + ": " + lines + ", by " + r.method().kind()
                            + ", refund to " + r.refundTo(), reasons.toString(), r.id().value() + "/authorised"));
            for (Receipt receipt : r.receipts()) {
                StringJoiner got = new StringJoiner(", ");
                receipt.matched().forEach(m -> got.add(m.quantity() + " of line " + m.line()));
                receipt.unexpected().forEach(u -> got.add(u.quantity() + " x " + u.sku() + " unexpected"));
                entries.add(new TimelineEntry(receipt.at(), Actor.SYSTEM, "return.received", subject, "Received: " + got,
                        "", r.id().value() + "/receipt/" + receipt.number()));
            }
            for (Inspection i : r.inspections()) {
                entries.add(new TimelineEntry(i.at(), Actor.SYSTEM, "return.inspected", subject, "Inspected " + i.quantity()
                        + " of line " + i.line() + ": " + i.grade() + ", " + i.disposition(), "",
                        r.id().value() + "/inspection/" + i.number()));
            }
            for (Refund refund : r.refunds()) {
                entries.add(new TimelineEntry(refund.requestedAt(), Actor.SYSTEM, "return.refund", subject, "Refund of "
                        + refund.amount() + " to " + refund.tender() + ": " + refund.status(),
                        refund.message() == null ? "" : refund.message(), r.id().value() + "/refund/" + refund.key()));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }
}
