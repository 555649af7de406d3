package io.omskit.core.order;

import io.omskit.core.channel.Channel;
import io.omskit.core.payment.AuthorisationTolerance;
import io.omskit.core.payment.TenderRequest;
import io.omskit.core.payment.TenderType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A channel's request to place an order. Placing the same channel and external reference twice
 * returns the order placed the first time. Lenient: nothing is checked here, not even null list elements, so that
 * {@link OrderValidator} reports every problem of the request at once.
 *
 * @param channel     where the order was taken
 * @param externalRef the channel's order number
 * @param customer    the host's customer reference
 * @param currency    currency of every amount
 * @param delivery    delivery choice
 * @param lines       the lines
 * @param discounts   order-level discounts; null means none
 * @param charges     order-level charges such as shipping; null means none
 * @param paymentRef  tokenised payment method for the gateway; null or empty when the channel collected payment itself;
 *                    a single line of at most {@value #MAX_PAYMENT_REF_LENGTH} characters without control characters.
 *                    One tender of the whole total; leave it empty when {@code tenders} are given
 * @param tenders     several tenders paying the order (a gift card and a card, ...), at most {@value #MAX_TENDERS}: their
 *                    fixed amounts, and at most one tender paying the rest, come to the total; null or empty when the
 *                    order pays with {@code paymentRef}
 * @param authorisationTolerance how much more than the total may be authorised for this order; null for the channel's
 *                    ({@code Oms.Builder.authorisationTolerance}), else none
 */
public record PlaceOrderRequest(Channel channel, ExternalOrderRef externalRef, CustomerRef customer, CurrencyUnit currency,
                                DeliveryChoice delivery, List<LineRequest> lines, List<Adjustment> discounts,
                                List<Adjustment> charges, String paymentRef, List<TenderRequest> tenders,
                                AuthorisationTolerance authorisationTolerance) {

    /** The most tenders one order may be paid with. */
    public static final int MAX_TENDERS = 10;

    /** The longest payment reference: 500 characters, room for any gateway's token. */
    public static final int MAX_PAYMENT_REF_LENGTH = 500;

    public PlaceOrderRequest {
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
        discounts = discounts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(discounts));
        charges = charges == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(charges));
        paymentRef = paymentRef == null ? "" : paymentRef;
        tenders = tenders == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tenders));
    }

    /** A request paid with one {@code paymentRef} (or collected by the channel), the channel's tolerance. */
    public PlaceOrderRequest(Channel channel, ExternalOrderRef externalRef, CustomerRef customer, CurrencyUnit currency,
                             DeliveryChoice delivery, List<LineRequest> lines, List<Adjustment> discounts,
                             List<Adjustment> charges, String paymentRef) {
        this(channel, externalRef, customer, currency, delivery, lines, discounts, charges, paymentRef, null, null);
    }

    /** A fluent builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PlaceOrderRequest}; nothing is checked until placement. */
    public static final class Builder {
        private Channel channel;
        private ExternalOrderRef externalRef;
        private CustomerRef customer;
        private CurrencyUnit currency;
        private DeliveryChoice delivery;
        private final List<LineRequest> lines = new ArrayList<>();
        private final List<Adjustment> discounts = new ArrayList<>();
        private final List<Adjustment> charges = new ArrayList<>();
        private String paymentRef;
        private final List<TenderRequest> tenders = new ArrayList<>();
        private AuthorisationTolerance authorisationTolerance;

        private Builder() {
        }

        public Builder channel(Channel channel) { this.channel = channel; return this; }
        public Builder externalRef(String externalRef) { this.externalRef = ExternalOrderRef.of(externalRef); return this; }
        public Builder customer(String customer) { this.customer = CustomerRef.of(customer); return this; }
        public Builder currency(CurrencyUnit currency) { this.currency = currency; return this; }
        public Builder currency(String currencyCode) { this.currency = CurrencyUnit.of(currencyCode); return this; }
        public Builder delivery(DeliveryChoice delivery) { this.delivery = delivery; return this; }
        public Builder line(LineRequest line) { this.lines.add(line); return this; }
        public Builder line(String id, String sku, int quantity, Money unitPrice) { return line(LineRequest.of(id, sku, quantity, unitPrice)); }
        public Builder discount(String code, Money amount) { this.discounts.add(Adjustment.of(code, amount)); return this; }
        public Builder charge(String code, Money amount) { this.charges.add(Adjustment.of(code, amount)); return this; }
        public Builder paymentRef(String paymentRef) { this.paymentRef = paymentRef; return this; }
        /** Adds a tender; an order with tenders is paid by them instead of one {@code paymentRef}. */
        public Builder tender(TenderRequest tender) { this.tenders.add(tender); return this; }
        /** Adds a tender of a fixed {@code amount}. */
        public Builder tender(String id, TenderType type, String paymentRef, Money amount) { return tender(TenderRequest.of(id, type, paymentRef, amount)); }
        /** Adds the tender that pays what the fixed tenders leave. */
        public Builder tenderForTheRest(String id, TenderType type, String paymentRef) { return tender(TenderRequest.rest(id, type, paymentRef)); }
        /** How much more than the total may be authorised for this order, instead of the channel's tolerance. */
        public Builder authorisationTolerance(AuthorisationTolerance tolerance) { this.authorisationTolerance = tolerance; return this; }

        public PlaceOrderRequest build() {
            return new PlaceOrderRequest(channel, externalRef, customer, currency, delivery, lines, discounts, charges, paymentRef,
                    tenders, authorisationTolerance);
        }
    }
}
