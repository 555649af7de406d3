package io.omskit.core.permission;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentCommand;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Order;
import java.util.List;
import org.joda.money.Money;

/**
 * Decides what each actor may do to orders and fulfilments. The host replaces it to fit its organisation (see
 * {@code Oms.Builder.actionPolicy}); {@link DefaultActionPolicy} holds the defaults. A policy only decides: it changes
 * nothing, and it is asked before the command changes anything. Implementations must be thread-safe and answer
 * quickly (they are asked on every command that carries an actor).
 */
public interface ActionPolicy {

    /**
     * Whether {@code actor} may cancel units of {@code order} (or all of it).
     *
     * @param fulfilments the order's fulfilments as they stand
     */
    Verdict mayCancel(Actor actor, Order order, List<Fulfilment> fulfilments);

    /** Whether {@code actor} may refund {@code amount} of {@code order} as goodwill (no goods coming back). */
    Verdict mayRefund(Actor actor, Order order, Money amount);

    /** Whether {@code actor} may take the step {@code command} of {@code fulfilment} (accept, pick, pack, collect, ...). */
    Verdict mayActOn(Actor actor, Fulfilment fulfilment, FulfilmentCommand command);

    /** Whether {@code actor} may add a note to {@code order}. */
    Verdict mayAddNote(Actor actor, Order order);

    /**
     * Whether {@code actor} may change {@code order} before its goods move (its delivery address, ...). Whether the
     * goods have moved is not the policy's to decide: customer service refuses that itself. By default whoever may
     * cancel the order may change it.
     *
     * @param fulfilments the order's fulfilments as they stand
     */
    default Verdict mayChange(Actor actor, Order order, List<Fulfilment> fulfilments) {
        return mayCancel(actor, order, fulfilments);
    }

    /**
     * Whether {@code actor} may have units of {@code parcel} (a shipped fulfilment of {@code order}) shipped again at no
     * charge, the parcel lost or its goods damaged. By default the rules of {@link DefaultActionPolicy#mayReship}.
     */
    default Verdict mayReship(Actor actor, Order order, Fulfilment parcel) {
        return DefaultActionPolicy.reshipRule(actor, order, parcel);
    }
}
