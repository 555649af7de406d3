package io.omskit.returns.rma;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Change;
import io.omskit.core.common.Checks;
import io.omskit.core.event.EventIds;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.money.Money;

/**
 * A return (RMA): units of one order's lines that the customer sends back, how and why, what arrived, what inspection
 * found and what was refunded. Immutable: every command returns a {@link Change} holding the new return (its version
 * one higher) and the events it raised. Receipt and refund are separate: goods can be received without a refund and
 * refunded before they arrive, and each is recorded.
 *
 * @param id            identity
 * @param version       1 when authorised, one more after every command that changed it
 * @param orderId       the order the units were bought with (of any channel)
 * @param customer      the order's customer
 * @param openedFrom    the channel the return was opened from (any: a web return may come back over a store counter)
 * @param method        how the goods travel and where to
 * @param refundTo      where refunds go, as the customer chose
 * @param exchange      what the return is exchanged for; null for a plain return
 * @param lines         at least one line, one per order line
 * @param status        where it stands
 * @param trackingRef   the carrier's reference once in transit; empty when none
 * @param label         the carrier label the goods travel with (mail-in, carrier collection) once one was asked for; null
 *                      when none was (a drop-off, or no carriers given)
 * @param receipts      every arrival of goods, oldest first
 * @param inspections   every inspection, oldest first
 * @param refunds       every refund, oldest first
 * @param openedAt      when it was authorised
 * @param commandKeys   keys of the keyed commands applied (receipts, inspections), so that a retry is recognised
 * @param pendingEvents the events of the change that produced this version, kept with it so that they are published
 *                      at least once even when the process stops between saving and publishing
 */
public record Return(ReturnId id, long version, OrderId orderId, CustomerRef customer, Channel openedFrom,
                     ReturnMethod method, RefundTender refundTo, Exchange exchange, List<ReturnLine> lines, ReturnStatus status,
                     String trackingRef, ReturnLabel label, List<Receipt> receipts, List<Inspection> inspections, List<Refund> refunds,
                     Instant openedAt, List<String> commandKeys, List<ReturnEvent> pendingEvents) {

    public Return {
        Checks.notNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Checks.notNull(orderId, "orderId");
        Checks.notNull(customer, "customer");
        Checks.notNull(openedFrom, "openedFrom");
        Checks.notNull(method, "method");
        Checks.notNull(refundTo, "refundTo");
        lines = Checks.list(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines of return " + id + " must not be empty");
        }
        Set<LineId> seen = new HashSet<>();
        for (ReturnLine l : lines) {
            if (!seen.add(l.line())) {
                throw new IllegalArgumentException("lines of return " + id + " must name each order line once, " + l.line()
                        + " appears twice");
            }
        }
        Checks.notNull(status, "status");
        trackingRef = trackingRef == null ? "" : trackingRef;
        receipts = Checks.list(receipts, "receipts");
        inspections = Checks.list(inspections, "inspections");
        refunds = Checks.list(refunds, "refunds");
        Checks.notNull(openedAt, "openedAt");
        commandKeys = commandKeys == null ? List.of() : List.copyOf(commandKeys);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
        for (ReturnLine l : lines) {
            if (inspectedOf(inspections, l.line()) > l.received()) {
                throw new IllegalArgumentException("line " + l.line() + " of return " + id + " has more units inspected ("
                        + inspectedOf(inspections, l.line()) + ") than received (" + l.received() + ")");
            }
        }
        int open = 0;
        for (Refund r : refunds) {
            open += r.status() == RefundStatus.REQUESTED ? 1 : 0;
        }
        if (open > 1) {
            throw new IllegalArgumentException("return " + id + " must have at most one refund requested and unanswered, has " + open);
        }
    }

    /**
     * Authorises a return of {@code lines} (which the policy accepted and which the order has delivered or collected).
     *
     * @throws IllegalArgumentException when a value is missing or the lines repeat an order line
     */
    public static Change<Return, ReturnEvent> authorise(ReturnId id, OrderId orderId, CustomerRef customer, Channel openedFrom,
                                                        ReturnMethod method, RefundTender refundTo, List<ReturnLine> lines,
                                                        Instant now) {
        return authorise(id, orderId, customer, openedFrom, method, refundTo, null, lines, now);
    }

    /**
     * Authorises a return of {@code lines} in exchange for {@code exchange} (null for a plain return).
     *
     * @throws IllegalArgumentException when a value is missing or the lines repeat an order line
     */
    public static Change<Return, ReturnEvent> authorise(ReturnId id, OrderId orderId, CustomerRef customer, Channel openedFrom,
                                                        ReturnMethod method, RefundTender refundTo, Exchange exchange,
                                                        List<ReturnLine> lines, Instant now) {
        Return r = new Return(id, 1, orderId, customer, openedFrom, method, refundTo, exchange, lines, ReturnStatus.AUTHORISED, "", null,
                List.of(), List.of(), List.of(), now, List.of(), List.of());
        return new Change<>(r, List.of(new ReturnEvent.ReturnAuthorised(EventIds.next(), id, orderId, 1, now, r)));
    }

    // ---- derived values ----

    /** The line of order line {@code line}. */
    public Optional<ReturnLine> line(LineId line) {
        for (ReturnLine l : lines) {
            if (l.line().equals(line)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Units of {@code line} inspected so far. */
    public int inspected(LineId line) {
        return inspectedOf(inspections, line);
    }

    /** Units of {@code line} inspected with a grade of {@code atLeast} or better. */
    public int inspected(LineId line, Grade atLeast) {
        int n = 0;
        for (Inspection i : inspections) {
            if (i.line().equals(line) && i.grade().isAtLeast(atLeast)) {
                n += i.quantity();
            }
        }
        return n;
    }

    /** Units of {@code line} that live refunds (requested or succeeded) pay back. */
    public int refunded(LineId line) {
        int n = 0;
        for (Refund r : refunds) {
            if (r.isLive()) {
                n += r.units(line);
            }
        }
        return n;
    }

    /** Units authorised and not yet arrived, per line; only lines with some. */
    public Map<LineId, Integer> outstanding() {
        Map<LineId, Integer> out = new LinkedHashMap<>();
        for (ReturnLine l : lines) {
            if (l.outstanding() > 0) {
                out.put(l.line(), l.outstanding());
            }
        }
        return out;
    }

    /** The refund requested and not yet answered; empty when none. */
    public Optional<Refund> openRefund() {
        for (Refund r : refunds) {
            if (r.status() == RefundStatus.REQUESTED) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** What succeeded refunds paid back, to every tender; empty when none succeeded. */
    public Optional<Money> refundedAmount() {
        Money sum = null;
        for (Refund r : refunds) {
            if (r.status() == RefundStatus.SUCCEEDED) {
                sum = sum == null ? r.amount() : sum.plus(r.amount());
            }
        }
        return Optional.ofNullable(sum);
    }

    /** Whether every authorised unit arrived and every unit that arrived was inspected. */
    public boolean fullyInspected() {
        for (ReturnLine l : lines) {
            if (l.outstanding() > 0 || inspected(l.line()) < l.received()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the command keyed {@code key} was applied. */
    public boolean applied(String key) {
        return commandKeys.contains(key);
    }

    // ---- commands ----

    /**
     * Records that a carrier label is about to be asked for: {@code requested}, under its key. The carrier is asked
     * after this is saved, so that whoever asks again (a retry, a reconciliation) uses the same key.
     *
     * @throws IllegalArgumentException          when {@code requested} is null or not {@link ReturnLabel.Status#REQUESTED}
     * @throws IllegalReturnTransitionException when the return is past waiting for its goods, or a label is booked or
     *                                           still being asked for
     */
    public Change<Return, ReturnEvent> requestLabel(ReturnLabel requested, Instant now) {
        Checks.notNull(requested, "requested");
        if (!requested.isPending()) {
            throw new IllegalArgumentException("requested label " + requested.key() + " must be REQUESTED, was " + requested.status());
        }
        require(ReturnCommand.REQUEST_LABEL, label != null && label.status() != ReturnLabel.Status.DECLINED
                ? "it has label " + label.key() + " " + label.status() : null);
        Return next = withLabel(requested);
        return new Change<>(next, List.of(new ReturnEvent.ReturnLabelRequested(EventIds.next(), id, orderId, next.version, now,
                requested.key(), requested.service())));
    }

    /**
     * Records the carrier's answer to the label requested under {@code key}: {@code answered} booked or declined. An
     * answer to a key that is not the pending one changes nothing (it was recorded already).
     *
     * @throws IllegalArgumentException when {@code answered} is null or still {@link ReturnLabel.Status#REQUESTED}
     */
    public Change<Return, ReturnEvent> recordLabel(ReturnLabel answered, Instant now) {
        Checks.notNull(answered, "answered");
        if (answered.isPending()) {
            throw new IllegalArgumentException("the answer to label " + answered.key() + " must be BOOKED or DECLINED, was REQUESTED");
        }
        if (label == null || !label.isPending() || !label.key().equals(answered.key())) {
            return Change.unchanged(this);
        }
        Return next = withLabel(answered);
        ReturnEvent event = answered.isBooked()
                ? new ReturnEvent.ReturnLabelIssued(EventIds.next(), id, orderId, next.version, now, answered.key(), answered.label(),
                answered.price())
                : new ReturnEvent.ReturnLabelDeclined(EventIds.next(), id, orderId, next.version, now, answered.key(), answered.message());
        return new Change<>(next, List.of(event));
    }

    /**
     * Records that the booked label of this cancelled return is about to be voided with the carrier (under the label's
     * void key, asked after this is saved).
     *
     * @throws IllegalReturnTransitionException when the return is not cancelled or its label is not booked
     */
    public Change<Return, ReturnEvent> requestLabelVoid(Instant now) {
        require(ReturnCommand.VOID_LABEL, label == null || label.status() != ReturnLabel.Status.BOOKED
                ? "it has no booked label" : null);
        Return next = withLabel(label.voidRequested());
        return new Change<>(next, List.of(new ReturnEvent.ReturnLabelVoidRequested(EventIds.next(), id, orderId, next.version, now,
                label.key())));
    }

    /**
     * Records the carrier's answer to voiding the label: voided, or refused for {@code message}. Changes nothing when
     * no voiding is pending (it was recorded already).
     */
    public Change<Return, ReturnEvent> recordLabelVoid(boolean voided, String message, Instant now) {
        if (label == null || label.status() != ReturnLabel.Status.VOID_REQUESTED) {
            return Change.unchanged(this);
        }
        Return next = withLabel(voided ? label.voided() : label.voidDeclined(message == null || message.isEmpty() ? "declined" : message));
        return new Change<>(next, List.of(new ReturnEvent.ReturnLabelVoidAnswered(EventIds.next(), id, orderId, next.version, now,
                label.key(), voided, next.label().message())));
    }

    /**
     * Whether the label still waits for the carrier: a booking or a voiding asked and not answered, or a booked label
     * of a cancelled return not yet voided. What the label reconciliation sweep looks for.
     */
    public boolean labelOpen() {
        if (label == null) {
            return false;
        }
        return label.isPending() || label.status() == ReturnLabel.Status.VOID_REQUESTED
                || status == ReturnStatus.CANCELLED && label.status() == ReturnLabel.Status.BOOKED;
    }

    /** Records that the goods left the customer, with the carrier's {@code trackingRef} (may be empty). */
    public Change<Return, ReturnEvent> markInTransit(String trackingRef, Instant now) {
        require(ReturnCommand.MARK_IN_TRANSIT, null);
        String ref = trackingRef == null ? "" : Checks.text(trackingRef, "trackingRef", 200);
        Return next = copy(ReturnStatus.IN_TRANSIT, ref, receipts, inspections, refunds, lines, commandKeys);
        return new Change<>(next, List.of(new ReturnEvent.ReturnInTransit(EventIds.next(), id, orderId, next.version, now, ref)));
    }

    /**
     * Records goods that arrived under {@code key}: units of a line's SKU count against that line up to what it
     * authorised; the rest (more units, or a SKU the return does not hold) is recorded as unexpected. A second receipt
     * with the same key changes nothing.
     *
     * @throws IllegalArgumentException          when {@code arrivals} is empty or the key is blank
     * @throws IllegalReturnTransitionException when the return is not waiting for goods
     */
    public Change<Return, ReturnEvent> receive(String key, List<Arrival> arrivals, Instant now) {
        Checks.notBlank(key, "key");
        if (applied(key)) {
            return Change.unchanged(this);
        }
        require(ReturnCommand.RECEIVE, null);
        Checks.list(arrivals, "arrivals");
        if (arrivals.isEmpty()) {
            throw new IllegalArgumentException("arrivals of receipt " + key + " must not be empty");
        }
        List<ReturnLine> newLines = new ArrayList<>(lines);
        Map<LineId, Integer> matched = new LinkedHashMap<>();
        Map<Sku, Integer> unexpected = new LinkedHashMap<>();
        for (Arrival a : arrivals) {
            int left = a.quantity();
            for (int i = 0; i < newLines.size() && left > 0; i++) {
                ReturnLine l = newLines.get(i);
                if (l.sku().equals(a.sku()) && l.outstanding() > 0) {
                    int take = Math.min(left, l.outstanding());
                    newLines.set(i, l.withReceived(l.received() + take));
                    matched.merge(l.line(), take, Integer::sum);
                    left -= take;
                }
            }
            if (left > 0) {
                unexpected.merge(a.sku(), left, Integer::sum);
            }
        }
        List<Receipt.Matched> m = new ArrayList<>();
        matched.forEach((line, q) -> m.add(new Receipt.Matched(line, q)));
        List<Receipt.Unexpected> u = new ArrayList<>();
        unexpected.forEach((sku, q) -> u.add(new Receipt.Unexpected(sku, q)));
        Receipt receipt = new Receipt(receipts.size() + 1, key, m, u, now);
        List<Receipt> newReceipts = new ArrayList<>(receipts);
        newReceipts.add(receipt);
        Return next = copy(ReturnStatus.RECEIVED, trackingRef, newReceipts, inspections, refunds, newLines, withKey(key));
        if (next.fullyInspected()) {
            next = next.copySameVersion(ReturnStatus.INSPECTED);
        }
        return new Change<>(next, List.of(new ReturnEvent.ReturnReceived(EventIds.next(), id, orderId, next.version, now, receipt)));
    }

    /**
     * Records {@code quantity} received units of {@code line} as inspected with {@code grade}, to be dealt with as
     * {@code disposition}. Once every authorised unit arrived and was inspected the return is inspected. A second
     * inspection with the same key changes nothing.
     *
     * @throws IllegalArgumentException          when the line is not the return's, or fewer of its received units wait
     *                                           for inspection
     * @throws IllegalReturnTransitionException when nothing was received
     */
    public Change<Return, ReturnEvent> inspect(String key, LineId line, Grade grade, Disposition disposition, int quantity,
                                               Instant now) {
        Checks.notBlank(key, "key");
        if (applied(key)) {
            return Change.unchanged(this);
        }
        require(ReturnCommand.INSPECT, null);
        ReturnLine l = line(Checks.notNull(line, "line")).orElseThrow(() ->
                new IllegalArgumentException("line " + line + " is not a line of return " + id));
        Checks.positive(quantity, "quantity");
        int waiting = l.received() - inspected(line);
        if (quantity > waiting) {
            throw new IllegalArgumentException("quantity of inspection " + key + " must be <= the " + waiting
                    + " received and uninspected unit(s) of line " + line + ", was " + quantity);
        }
        Inspection inspection = new Inspection(inspections.size() + 1, key, line, grade, disposition, quantity, now);
        List<Inspection> more = new ArrayList<>(inspections);
        more.add(inspection);
        Return next = copy(ReturnStatus.RECEIVED, trackingRef, receipts, more, refunds, lines, withKey(key));
        if (next.fullyInspected()) {
            next = next.copySameVersion(ReturnStatus.INSPECTED);
        }
        return new Change<>(next, List.of(new ReturnEvent.ReturnInspected(EventIds.next(), id, orderId, next.version, now, inspection)));
    }

    /**
     * Records a refund decided on, before the provider is asked.
     *
     * @throws IllegalArgumentException          when the refund is not requested, its key was used, or it pays back
     *                                           units the return does not hold or already refunded
     * @throws IllegalReturnTransitionException when the return is finished or another refund waits for its answer
     */
    public Change<Return, ReturnEvent> requestRefund(Refund refund, Instant now) {
        Checks.notNull(refund, "refund");
        require(ReturnCommand.REQUEST_REFUND, null);
        if (openRefund().isPresent()) {
            throw new IllegalReturnTransitionException(id, status, ReturnCommand.REQUEST_REFUND,
                    "refund " + openRefund().get().key() + " waits for the provider's answer");
        }
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new IllegalArgumentException("refund " + refund.key() + " must be REQUESTED, was " + refund.status());
        }
        for (Refund r : refunds) {
            if (r.key().equals(refund.key())) {
                throw new IllegalArgumentException("refund key " + refund.key() + " was used before on return " + id);
            }
        }
        for (Refund.RefundedUnits u : refund.units()) {
            ReturnLine l = line(u.line()).orElseThrow(() ->
                    new IllegalArgumentException("refund " + refund.key() + " names line " + u.line() + ", not a line of return " + id));
            if (refunded(u.line()) + refund.units(u.line()) > l.quantity()) {
                throw new IllegalArgumentException("refund " + refund.key() + " would pay back " + (refunded(u.line()) + refund.units(u.line()))
                        + " unit(s) of line " + u.line() + ", more than the " + l.quantity() + " authorised");
            }
        }
        List<Refund> more = new ArrayList<>(refunds);
        more.add(refund);
        Return next = copy(status, trackingRef, receipts, inspections, more, lines, commandKeys);
        return new Change<>(next, List.of(new ReturnEvent.RefundRequested(EventIds.next(), id, orderId, next.version, now, refund)));
    }

    /**
     * Records, before the provider is asked, the refund of the order's shipping (its charges) that fell due after this
     * return's last refund: units the order still waited for were cancelled, so that every unit is now returned or
     * cancelled and the policy refunds shipping when that happens, yet no refund of units is left to carry it. It pays
     * back no units and no goods; a refunded or closed return accepts it too.
     *
     * @throws IllegalArgumentException          when the refund is not requested, names units or goods, refunds no
     *                                           shipping, or its key was used
     * @throws IllegalReturnTransitionException when the return is cancelled or another refund waits for its answer
     */
    public Change<Return, ReturnEvent> requestShippingRefund(Refund refund, Instant now) {
        Checks.notNull(refund, "refund");
        require(ReturnCommand.REFUND_SHIPPING, openRefund().map(r -> "refund " + r.key() + " waits for the provider's answer").orElse(null));
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new IllegalArgumentException("refund " + refund.key() + " must be REQUESTED, was " + refund.status());
        }
        if (!refund.units().isEmpty() || !refund.goods().isZero() || !refund.shipping().isPositive()) {
            throw new IllegalArgumentException("shipping refund " + refund.key() + " must pay back shipping only (no units, no goods), was "
                    + refund.units().size() + " unit line(s), goods " + refund.goods() + ", shipping " + refund.shipping());
        }
        for (Refund r : refunds) {
            if (r.key().equals(refund.key())) {
                throw new IllegalArgumentException("refund key " + refund.key() + " was used before on return " + id);
            }
        }
        List<Refund> more = new ArrayList<>(refunds);
        more.add(refund);
        Return next = copy(status, trackingRef, receipts, inspections, more, lines, commandKeys);
        return new Change<>(next, List.of(new ReturnEvent.RefundRequested(EventIds.next(), id, orderId, next.version, now, refund)));
    }

    /**
     * Records the provider's answer to the open refund {@code key}: succeeded (the money, or store credit, went back) or
     * declined (its units can be refunded again). An answer to a refund already answered changes nothing.
     *
     * @throws IllegalArgumentException when no refund has that key or {@code succeeded} is false without a reason
     */
    public Change<Return, ReturnEvent> recordRefund(String key, boolean succeeded, String providerRef, String reason, Instant now) {
        Checks.notBlank(key, "key");
        int at = -1;
        for (int i = 0; i < refunds.size(); i++) {
            if (refunds.get(i).key().equals(key)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("refund " + key + " is not a refund of return " + id);
        }
        Refund r = refunds.get(at);
        if (r.status() != RefundStatus.REQUESTED) {
            return Change.unchanged(this);
        }
        require(ReturnCommand.RECORD_REFUND, null);
        List<Refund> answered = new ArrayList<>(refunds);
        ReturnEvent event;
        long v = version + 1;
        if (succeeded) {
            answered.set(at, r.answered(RefundStatus.SUCCEEDED, providerRef, ""));
            event = r.tender() == RefundTender.STORE_CREDIT
                    ? new ReturnEvent.StoreCreditIssued(EventIds.next(), id, orderId, v, now, key, r.amount())
                    : new ReturnEvent.ReturnRefunded(EventIds.next(), id, orderId, v, now, key, r.amount(), providerRef == null ? "" : providerRef);
        } else {
            Checks.notBlank(reason, "reason");
            answered.set(at, r.answered(RefundStatus.DECLINED, "", reason));
            event = new ReturnEvent.RefundDeclined(EventIds.next(), id, orderId, v, now, key, r.amount(), reason);
        }
        Return next = copy(status, trackingRef, receipts, inspections, answered, lines, commandKeys);
        return new Change<>(next, List.of(event));
    }

    /**
     * Records the replacement of an exchange: placed as {@code replacementOrder} with {@code applied} of the credit taken
     * off it, or failed for {@code failedBecause} (then the return is refunded as any other). Recording it again changes
     * nothing.
     *
     * @throws IllegalArgumentException          when the return is no exchange, or the values are not one of the two
     * @throws IllegalReturnTransitionException when the return is finished
     */
    public Change<Return, ReturnEvent> recordReplacement(OrderId replacementOrder, Money applied, String failedBecause, Instant now) {
        if (exchange == null) {
            throw new IllegalArgumentException("return " + id + " is no exchange");
        }
        if (exchange.isSettled()) {
            return Change.unchanged(this);
        }
        require(ReturnCommand.RECORD_REPLACEMENT, null);
        if ((replacementOrder == null) == (failedBecause == null)) {
            throw new IllegalArgumentException("a replacement is either placed (replacementOrder) or failed (failedBecause), was "
                    + replacementOrder + " / " + failedBecause);
        }
        Exchange settled = failedBecause == null
                ? new Exchange(exchange.replacements(), exchange.credit(), replacementOrder, Checks.notNull(applied, "applied"), null)
                : new Exchange(exchange.replacements(), exchange.credit(), null, Money.zero(exchange.credit().getCurrencyUnit()),
                        failedBecause);
        Return next = new Return(id, version + 1, orderId, customer, openedFrom, method, refundTo, settled, lines, status,
                trackingRef, label, receipts, inspections, refunds, openedAt, commandKeys, List.of());
        ReturnEvent event = failedBecause == null
                ? new ReturnEvent.ReplacementPlaced(EventIds.next(), id, orderId, next.version, now, replacementOrder, settled.applied(),
                        settled.differenceDue())
                : new ReturnEvent.ReplacementFailed(EventIds.next(), id, orderId, next.version, now, failedBecause);
        return new Change<>(next, List.of(event));
    }

    /**
     * Finishes an inspected return whose refunds are settled: refunded when one succeeded, else closed.
     *
     * @throws IllegalReturnTransitionException when it is not inspected or a refund waits for its answer
     */
    public Change<Return, ReturnEvent> finish(Instant now) {
        require(ReturnCommand.FINISH, openRefund().map(r -> "refund " + r.key() + " waits for the provider's answer").orElse(null));
        ReturnStatus end = refundedAmount().isPresent() ? ReturnStatus.REFUNDED : ReturnStatus.CLOSED;
        Return next = copy(end, trackingRef, receipts, inspections, refunds, lines, commandKeys);
        return new Change<>(next, List.of(new ReturnEvent.ReturnCompleted(EventIds.next(), id, orderId, next.version, now, end)));
    }

    /**
     * Closes the return as it stands: units that never arrived will not come. Every unit that arrived must have been
     * inspected, and no refund may wait for its answer.
     *
     * @throws IllegalReturnTransitionException when the return is finished, units wait for inspection or a refund for
     *                                          its answer
     */
    public Change<Return, ReturnEvent> close(Instant now) {
        String detail = openRefund().map(r -> "refund " + r.key() + " waits for the provider's answer").orElse(null);
        for (ReturnLine l : lines) {
            if (detail == null && inspected(l.line()) < l.received()) {
                detail = "line " + l.line() + " has " + (l.received() - inspected(l.line())) + " received unit(s) to inspect";
            }
        }
        require(ReturnCommand.CLOSE, detail);
        List<ReturnEvent.Outstanding> never = new ArrayList<>();
        outstanding().forEach((line, q) -> never.add(new ReturnEvent.Outstanding(line, q)));
        Return next = copy(ReturnStatus.CLOSED, trackingRef, receipts, inspections, refunds, lines, commandKeys);
        return new Change<>(next, List.of(new ReturnEvent.ReturnClosed(EventIds.next(), id, orderId, next.version, now, never)));
    }

    /**
     * Withdraws the return.
     *
     * @throws IllegalReturnTransitionException when goods arrived or a refund was made or requested
     */
    public Change<Return, ReturnEvent> cancel(String reason, Instant now) {
        String why = Checks.text(Checks.notNull(reason, "reason"), "reason", 500);
        boolean refunded = false;
        for (Refund r : refunds) {
            refunded |= r.isLive();
        }
        require(ReturnCommand.CANCEL, refunded ? "a refund was made or requested; close it instead" : null);
        Return next = copy(ReturnStatus.CANCELLED, trackingRef, receipts, inspections, refunds, lines, commandKeys);
        return new Change<>(next, List.of(new ReturnEvent.ReturnCancelled(EventIds.next(), id, orderId, next.version, now, why)));
    }

    /** This version with {@code events} as the events of the change that produced it; the version stays the same. */
    public Return withPendingEvents(List<? extends ReturnEvent> events) {
        return new Return(id, version, orderId, customer, openedFrom, method, refundTo, exchange, lines, status, trackingRef,
                label, receipts, inspections, refunds, openedAt, commandKeys, List.copyOf(events));
    }

    // ---- internals ----

    private void require(ReturnCommand command, String detail) {
        if (!ReturnTransitions.isAllowed(status, command) || detail != null) {
            throw new IllegalReturnTransitionException(id, status, command, detail);
        }
    }

    private List<String> withKey(String key) {
        List<String> keys = new ArrayList<>(commandKeys);
        keys.add(key);
        return keys;
    }

    private Return copy(ReturnStatus newStatus, String newTrackingRef, List<Receipt> newReceipts, List<Inspection> newInspections,
                        List<Refund> newRefunds, List<ReturnLine> newLines, List<String> newKeys) {
        return new Return(id, version + 1, orderId, customer, openedFrom, method, refundTo, exchange, newLines, newStatus,
                newTrackingRef, label, newReceipts, newInspections, newRefunds, openedAt, newKeys, List.of());
    }

    private Return withLabel(ReturnLabel newLabel) {
        return new Return(id, version + 1, orderId, customer, openedFrom, method, refundTo, exchange, lines, status, trackingRef,
                newLabel, receipts, inspections, refunds, openedAt, commandKeys, List.of());
    }

    private Return copySameVersion(ReturnStatus newStatus) {
        return new Return(id, version, orderId, customer, openedFrom, method, refundTo, exchange, lines, newStatus, trackingRef,
                label, receipts, inspections, refunds, openedAt, commandKeys, List.of());
    }

    private static int inspectedOf(List<Inspection> inspections, LineId line) {
        int n = 0;
        for (Inspection i : inspections) {
            if (i.line().equals(line)) {
                n += i.quantity();
            }
        }
        return n;
    }
}
