package io.omskit.returns;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Change;
import io.omskit.core.order.Address;
import io.omskit.core.order.Order;
import io.omskit.core.shipping.BookingResult;
import io.omskit.core.shipping.CancellationResult;
import io.omskit.core.shipping.CarrierOutcome;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.spi.BookingRequest;
import io.omskit.core.spi.CancelBookingRequest;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.QuoteRequest;
import io.omskit.core.spi.SpiException;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnLabel;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Books the carrier label a return travels with (mail-in, carrier collection): the cheapest service that quotes for
 * the parcel from the customer's address to the receiving location. The booking is recorded on the return under its
 * key before the carrier is asked, and a booking whose answer is not known is asked again under the same key with the
 * same request, so a return never gets two labels. The label of a cancelled return is voided the same way: intent
 * first, then the carrier under the label's void key.
 */
final class ReturnLabels {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReturnLabels.class);

    private final ReturnBook book;
    private final CarrierGateway carriers;
    private final Oms oms;
    private final Dimensions box;
    private final Clock clock;

    ReturnLabels(ReturnBook book, CarrierGateway carriers, Oms oms, Dimensions box, Clock clock) {
        this.book = book;
        this.carriers = carriers;
        this.oms = oms;
        this.box = box;
        this.clock = clock;
    }

    /**
     * Brings the label of return {@code id} to an answer: asks again about a pending booking; books one when the return
     * travels by carrier, is still waiting for its goods and has none (or, when {@code afterDecline}, only a declined
     * one, which then takes the next key).
     *
     * @return the return as stored after; its label pending when the carrier's answer is still not known
     * @throws SpiException when the carriers could not quote (unreachable or unknown): calling again tries again
     */
    Return settle(ReturnId id, boolean afterDecline) {
        for (int round = 0; round < ReturnBook.MAX_CONFLICT_RETRIES; round++) {
            Return ret = book.current(id);
            ReturnLabel label = ret.label();
            if (label != null && label.isPending()) {
                Return answered = ask(ret, label);
                if (answered.status() != ReturnStatus.CANCELLED || answered.label().isPending()) {
                    return answered;
                }
                continue; // a cancelled return's label, now booked: void it
            }
            if (ret.status() == ReturnStatus.CANCELLED) {
                return voidLabel(ret);
            }
            boolean wanted = ret.method().kind().isShipped() && ret.status() == ReturnStatus.AUTHORISED
                    && (label == null || (afterDecline && label.status() == ReturnLabel.Status.DECLINED));
            if (!wanted) {
                return ret;
            }
            Optional<ReturnLabel> next = plan(ret);
            if (next.isEmpty()) {
                return ret;
            }
            Instant now = clock.instant();
            book.update(id, r -> sameLabel(r.label(), label) && r.status() == ReturnStatus.AUTHORISED
                    ? r.requestLabel(next.get(), now) : Change.unchanged(r));
        }
        throw new SpiException("the label of return " + id + " kept changing concurrently; call bookLabel again", null, true);
    }

    private static boolean sameLabel(ReturnLabel a, ReturnLabel b) {
        return a == null ? b == null : b != null && a.key().equals(b.key()) && a.status() == b.status();
    }

    /** The booking to make: the next attempt, the cheapest quoted service, the parcel the returned units make. */
    private Optional<ReturnLabel> plan(Return ret) {
        Optional<Address> from = customerAddress(ret);
        if (from.isEmpty()) {
            LOG.warn("return {} travels by carrier but order {} has no address to collect it from; no label booked", ret.id(), ret.orderId());
            return Optional.empty();
        }
        Parcel parcel = parcel(ret);
        QuoteResult quotes = carriers.quote(new QuoteRequest(parcel, ret.method().destination(), from.get()));
        if (quotes.outcome() == CarrierOutcome.UNKNOWN || quotes.outcome() == CarrierOutcome.NOT_ATTEMPTED) {
            throw new SpiException("the carriers could not quote a label for return " + ret.id() + " (" + quotes.outcome() + ": "
                    + quotes.message() + "); call bookLabel again", null, true);
        }
        if (!quotes.succeeded() || quotes.quotes().isEmpty()) {
            LOG.warn("no carrier service takes the parcel of return {} from {}: {}", ret.id(), from.get().countryCode(), quotes.message());
            return Optional.empty();
        }
        int attempt = ret.label() == null ? 1 : ret.label().attempt() + 1;
        return Optional.of(ReturnLabel.requested(ret.id(), attempt, quotes.quotes().get(0).service(), parcel, clock.instant()));
    }

    /** Asks the carrier about {@code label} under its key and records the answer; an unknown answer leaves it pending. */
    private Return ask(Return ret, ReturnLabel label) {
        Address from = customerAddress(ret).orElseThrow(() ->
                new IllegalStateException("order " + ret.orderId() + " of return " + ret.id() + " has lost its address"));
        BookingResult result = carriers.book(new BookingRequest(label.key(), label.service(), label.parcel(), ret.method().destination(),
                from, "RETURN-" + ret.id(), BookingRequest.Direction.RETURN));
        if (result.outcome() == CarrierOutcome.UNKNOWN || result.outcome() == CarrierOutcome.NOT_ATTEMPTED) {
            LOG.warn("return label {} ended {}: {}; bookLabel asks again", label.key(), result.outcome(), result.message());
            return ret;
        }
        ReturnLabel answered = result.succeeded() ? label.booked(result.label(), result.price())
                : label.declined(result.message().isEmpty() ? "declined" : result.message());
        Instant now = clock.instant();
        return book.update(ret.id(), r -> r.recordLabel(answered, now));
    }

    /**
     * Voids the booked label of a cancelled return: records the intent, then asks the carrier under the label's void
     * key (again, for an intent recorded earlier). An unknown answer leaves the intent for the next call.
     */
    private Return voidLabel(Return ret) {
        ReturnLabel label = ret.label();
        if (label == null || (label.status() != ReturnLabel.Status.BOOKED && label.status() != ReturnLabel.Status.VOID_REQUESTED)) {
            return ret;
        }
        Return voiding = label.status() == ReturnLabel.Status.VOID_REQUESTED ? ret
                : book.update(ret.id(), r -> r.label() != null && r.label().status() == ReturnLabel.Status.BOOKED
                        ? r.requestLabelVoid(clock.instant()) : Change.unchanged(r));
        ReturnLabel asked = voiding.label();
        if (asked.status() != ReturnLabel.Status.VOID_REQUESTED) {
            return voiding;
        }
        CancellationResult result = carriers.cancel(new CancelBookingRequest(asked.voidKey(), asked.service(),
                asked.label().bookingRef()));
        if (result.outcome() == CarrierOutcome.UNKNOWN || result.outcome() == CarrierOutcome.NOT_ATTEMPTED) {
            LOG.warn("voiding return label {} ended {}: {}; reconcileLabels asks again", asked.key(), result.outcome(), result.message());
            return voiding;
        }
        Instant now = clock.instant();
        return book.update(ret.id(), r -> r.recordLabelVoid(result.succeeded(), result.message(), now));
    }

    private Optional<Address> customerAddress(Return ret) {
        if (ret.method().from() != null) {
            return Optional.of(ret.method().from());
        }
        Order order = oms.order(ret.orderId()).orElseThrow(() ->
                new IllegalStateException("order " + ret.orderId() + " of return " + ret.id() + " is gone"));
        return Optional.ofNullable(order.delivery().address());
    }

    /** The returned units' catalog weight (at least a gram) in the configured box. */
    private Parcel parcel(Return ret) {
        long grams = 0;
        for (ReturnLine l : ret.lines()) {
            int unit = oms.catalog().find(l.sku()).map(SkuAttributes::weightGrams).orElse(0);
            grams += (long) unit * l.quantity();
        }
        return new Parcel((int) Math.max(1, Math.min(Integer.MAX_VALUE, grams)), box);
    }
}
