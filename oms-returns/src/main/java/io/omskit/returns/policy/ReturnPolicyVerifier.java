package io.omskit.returns.policy;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderLine;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a policy's answer for one line in one line of a test:
 * <pre>{@code
 * verifyThat(policy).given(order, lineId).deliveredAt(t).on(t.plus(Duration.ofDays(31))).refuses(Reason.OUTSIDE_WINDOW);
 * }</pre>
 * Unless told otherwise the line's SKU is returnable in category {@code "general"}, delivered when the order was
 * placed, asked for in full a day later, and the customer has no other return. Failures throw {@link AssertionError}
 * naming the answer.
 */
public final class ReturnPolicyVerifier {

    private final ReturnPolicy policy;

    private ReturnPolicyVerifier(ReturnPolicy policy) {
        this.policy = Checks.notNull(policy, "policy");
    }

    /** Starts verifying {@code policy}. */
    public static ReturnPolicyVerifier verifyThat(ReturnPolicy policy) {
        return new ReturnPolicyVerifier(policy);
    }

    /**
     * The line {@code line} of {@code order}.
     *
     * @throws IllegalArgumentException when the order has no such line
     */
    public Given given(Order order, LineId line) {
        Checks.notNull(order, "order");
        OrderLine l = order.line(line).orElseThrow(() -> new IllegalArgumentException("line " + line + " is not a line of order " + order.id()));
        return new Given(order, l);
    }

    /** The facts of one line, refined fluently, then checked. */
    public final class Given {
        private final Order order;
        private final OrderLine line;
        private SkuAttributes attributes;
        private Instant handedOverAt;
        private Instant now;
        private int requested;
        private int returnable;
        private int customerReturns;

        private Given(Order order, OrderLine line) {
            this.order = order;
            this.line = line;
            this.attributes = SkuAttributes.of(line.sku(), line.sku().value(), "general", 0, new Dimensions(1, 1, 1), true);
            this.handedOverAt = order.placedAt();
            this.now = order.placedAt().plus(Duration.ofDays(1));
            this.requested = line.quantity();
            this.returnable = line.quantity();
        }

        /** The SKU's catalog attributes; null for a SKU the catalog does not know. */
        public Given sku(SkuAttributes value) { this.attributes = value; return this; }
        /** When the line was delivered or collected; null for not yet. */
        public Given deliveredAt(Instant value) { this.handedOverAt = value; return this; }
        /** When the return is asked for. */
        public Given on(Instant value) { this.now = value; return this; }
        /** Units asked to return. */
        public Given requesting(int units) { this.requested = units; return this; }
        /** Units delivered and not being returned already. */
        public Given returnable(int units) { this.returnable = units; return this; }
        /** Returns the customer opened within the limit's period. */
        public Given customerReturns(int count) { this.customerReturns = count; return this; }

        /** The facts as the policy sees them. */
        public LineFacts facts() {
            return new LineFacts(order.channel(), order.customer(), line, attributes, handedOverAt, now, requested, returnable,
                    customerReturns);
        }

        /** Asserts the policy accepts the line. */
        public void accepts() {
            LineVerdict v = policy.judge(facts());
            if (!v.isAccepted()) {
                throw new AssertionError("expected line " + line.id() + " to be accepted, was refused: " + ((LineVerdict.Refused) v).refusal());
            }
        }

        /** Asserts the policy refuses the line for {@code reason}; returns the refusal for further checks. */
        public Refusal refuses(Refusal.Reason reason) {
            LineVerdict v = policy.judge(facts());
            if (v.isAccepted()) {
                throw new AssertionError("expected line " + line.id() + " to be refused for " + reason + ", was accepted");
            }
            Refusal r = ((LineVerdict.Refused) v).refusal();
            if (r.reason() != reason) {
                throw new AssertionError("expected line " + line.id() + " to be refused for " + reason + ", was refused: " + r);
            }
            return r;
        }
    }
}
