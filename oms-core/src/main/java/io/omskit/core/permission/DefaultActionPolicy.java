package io.omskit.core.permission;

import io.omskit.core.common.Checks;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentCommand;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Order;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.joda.money.Money;

/**
 * The default {@link ActionPolicy}. The system may do everything. Otherwise:
 * <ul>
 * <li>{@value #OWN_ORDERS_ONLY}: a customer acts only on their own orders.</li>
 * <li>{@value #CUSTOMER_CANCELS_BEFORE_PREPARATION}: a customer may cancel only before preparation, while no
 *     fulfilment of the order is being picked or further on.</li>
 * <li>{@value #AGENT_REFUND_LIMIT}: an agent may refund up to the configured limit per refund.</li>
 * <li>{@value #STAFF_REFUNDS_ONLY}: only agents (and the system) refund.</li>
 * <li>{@value #OWN_STORE_ONLY}: a store associate acts only on its store's fulfilments (those it ships from or where
 *     they are collected), and cancels only orders collected at its store whose fulfilments are all its store's.</li>
 * <li>{@value #STAFF_STEPS_ONLY}: customers and agents take no fulfilment step; a customer's collection is recorded by
 *     the store.</li>
 * <li>{@value #STAFF_NOTES_ONLY}: notes are written by agents and store associates.</li>
 * <li>{@value #STAFF_RESHIPS_ONLY}: a lost or damaged parcel is shipped again by an agent, or by a store associate of
 *     the store it left from ({@value #OWN_STORE_ONLY}); never by the customer.</li>
 * </ul>
 * Agents may cancel any order and add notes to any order.
 */
public final class DefaultActionPolicy implements ActionPolicy {

    /** The name of the rule that a customer acts only on their own orders. */
    public static final String OWN_ORDERS_ONLY = "own-orders-only";
    /** The name of the rule that a customer cancels only before preparation. */
    public static final String CUSTOMER_CANCELS_BEFORE_PREPARATION = "customer-cancels-before-preparation";
    /** The name of the rule that an agent refunds up to a limit. */
    public static final String AGENT_REFUND_LIMIT = "agent-refund-limit";
    /** The name of the rule that only agents refund. */
    public static final String STAFF_REFUNDS_ONLY = "staff-refunds-only";
    /** The name of the rule that a store associate acts only on its store's fulfilments. */
    public static final String OWN_STORE_ONLY = "own-store-only";
    /** The name of the rule that customers and agents take no fulfilment step. */
    public static final String STAFF_STEPS_ONLY = "store-steps-by-store-staff";
    /** The name of the rule that customers write no notes. */
    public static final String STAFF_NOTES_ONLY = "staff-notes-only";

    /** The name of the rule that only staff have a parcel shipped again. */
    public static final String STAFF_RESHIPS_ONLY = "staff-reships-only";

    /** Fulfilment statuses at which preparation has begun: from picking on. */
    private static final Set<FulfilmentStatus> PREPARING = EnumSet.of(FulfilmentStatus.PICKING, FulfilmentStatus.READY_TO_SHIP,
            FulfilmentStatus.READY_FOR_COLLECTION, FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED, FulfilmentStatus.COLLECTED);

    private final Money agentRefundLimit;

    private DefaultActionPolicy(Money agentRefundLimit) {
        this.agentRefundLimit = agentRefundLimit;
    }

    /**
     * The defaults, agents refunding up to {@code agentRefundLimit} per refund (orders in another currency: nothing).
     *
     * @throws IllegalArgumentException when the limit is negative
     */
    public static DefaultActionPolicy withAgentRefundLimit(Money agentRefundLimit) {
        Checks.notNull(agentRefundLimit, "agentRefundLimit");
        if (agentRefundLimit.isNegative()) {
            throw new IllegalArgumentException("agentRefundLimit must be >= 0, was " + agentRefundLimit);
        }
        return new DefaultActionPolicy(agentRefundLimit);
    }

    /** The most an agent may refund at once. */
    public Money agentRefundLimit() {
        return agentRefundLimit;
    }

    @Override
    public Verdict mayCancel(Actor actor, Order order, List<Fulfilment> fulfilments) {
        switch (actor.kind()) {
            case CUSTOMER -> {
                if (!actor.is(order.customer())) {
                    return notTheirs(order);
                }
                for (Fulfilment f : fulfilments) {
                    if (PREPARING.contains(f.status())) {
                        return Verdict.refuse(CUSTOMER_CANCELS_BEFORE_PREPARATION, "fulfilment " + f.id() + " of order "
                                + order.id() + " is " + f.status() + ": a customer may cancel only before preparation");
                    }
                }
                return Verdict.allow();
            }
            case STORE_ASSOCIATE -> {
                LocationId store = actor.store();
                if (!store.equals(order.delivery().pickupStore())) {
                    return Verdict.refuse(OWN_STORE_ONLY, "order " + order.id() + " is not collected at " + store);
                }
                for (Fulfilment f : fulfilments) {
                    if (!ofStore(f, store)) {
                        return Verdict.refuse(OWN_STORE_ONLY, "fulfilment " + f.id() + " of order " + order.id() + " is "
                                + f.location() + "'s, not " + store + "'s");
                    }
                }
                return Verdict.allow();
            }
            default -> {
                return Verdict.allow();
            }
        }
    }

    @Override
    public Verdict mayRefund(Actor actor, Order order, Money amount) {
        switch (actor.kind()) {
            case SYSTEM -> {
                return Verdict.allow();
            }
            case AGENT -> {
                if (!amount.getCurrencyUnit().equals(agentRefundLimit.getCurrencyUnit())
                        || amount.isGreaterThan(agentRefundLimit)) {
                    return Verdict.refuse(AGENT_REFUND_LIMIT, "an agent may refund up to " + agentRefundLimit + " at once, "
                            + amount + " asked for order " + order.id());
                }
                return Verdict.allow();
            }
            default -> {
                return Verdict.refuse(STAFF_REFUNDS_ONLY, "a " + kindName(actor) + " may not refund; an agent may");
            }
        }
    }

    @Override
    public Verdict mayActOn(Actor actor, Fulfilment fulfilment, FulfilmentCommand command) {
        switch (actor.kind()) {
            case SYSTEM -> {
                return Verdict.allow();
            }
            case STORE_ASSOCIATE -> {
                if (!ofStore(fulfilment, actor.store())) {
                    return Verdict.refuse(OWN_STORE_ONLY, "fulfilment " + fulfilment.id() + " is " + fulfilment.location()
                            + "'s, not " + actor.store() + "'s");
                }
                return Verdict.allow();
            }
            default -> {
                return Verdict.refuse(STAFF_STEPS_ONLY, "a " + kindName(actor) + " may not " + command
                        + " a fulfilment; the location's staff do");
            }
        }
    }

    @Override
    public Verdict mayAddNote(Actor actor, Order order) {
        if (actor.kind() == Actor.Kind.CUSTOMER) {
            return Verdict.refuse(STAFF_NOTES_ONLY, "customers write no notes on orders; an agent notes what they say");
        }
        return Verdict.allow();
    }

    @Override
    public Verdict mayReship(Actor actor, Order order, Fulfilment parcel) {
        return reshipRule(actor, order, parcel);
    }

    /** The default rules of who may have a parcel shipped again: see {@link DefaultActionPolicy}. */
    static Verdict reshipRule(Actor actor, Order order, Fulfilment parcel) {
        switch (actor.kind()) {
            case SYSTEM, AGENT -> {
                return Verdict.allow();
            }
            case STORE_ASSOCIATE -> {
                if (!ofStore(parcel, actor.store())) {
                    return Verdict.refuse(OWN_STORE_ONLY, "parcel " + parcel.id() + " of order " + order.id() + " left "
                            + parcel.location() + ", not " + actor.store());
                }
                return Verdict.allow();
            }
            default -> {
                return Verdict.refuse(STAFF_RESHIPS_ONLY, "a " + kindName(actor) + " may not have parcel " + parcel.id()
                        + " shipped again; an agent may");
            }
        }
    }

    private static boolean ofStore(Fulfilment f, LocationId store) {
        return store.equals(f.location()) || store.equals(f.pickupStore());
    }

    private static Verdict notTheirs(Order order) {
        return Verdict.refuse(OWN_ORDERS_ONLY, "order " + order.id() + " is another customer's");
    }

    private static String kindName(Actor actor) {
        return actor.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
