package io.omskit.core;

import io.omskit.core.common.Checks;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.order.Order;
import io.omskit.core.payment.PaymentStatus;
import io.omskit.core.payment.Tender;
import java.util.List;
import java.util.Optional;

/**
 * What became of a placement (or of a later attempt to complete it).
 *
 * @param order     the order as stored now
 * @param outcome   confirmed, out of stock, payment declined, or payment pending reconciliation
 * @param shortages for {@link Outcome#OUT_OF_STOCK}: what was missing; empty otherwise
 * @param replayed  true when the channel and external reference had been placed before and this call placed nothing new
 */
public record PlacementResult(Order order, Outcome outcome, List<Shortage> shortages, boolean replayed) {

    /** The business outcome of a placement. */
    public enum Outcome {
        /**
         * Stock reserved and payment authorised; the order goes ahead. Units sold beyond stock under the backorder
         * policy wait for supply ({@link io.omskit.core.order.OrderLine#awaitingStock()}).
         */
        CONFIRMED,
        /** Not enough stock; the order was cancelled and nothing is held. */
        OUT_OF_STOCK,
        /** The payment was declined; stock released, the order is on hold for a new payment attempt. */
        PAYMENT_DECLINED,
        /** The payment outcome is not known yet (timeout, provider unreachable); stock stays reserved until reconciled. */
        PAYMENT_PENDING,
        /** The order is past placement (it was placed earlier and has moved on); see the order. */
        IN_PROGRESS
    }

    public PlacementResult {
        Checks.notNull(order, "order");
        Checks.notNull(outcome, "outcome");
        shortages = List.copyOf(shortages);
    }

    /** Whether the order was confirmed. */
    public boolean isConfirmed() {
        return outcome == Outcome.CONFIRMED;
    }

    /**
     * For {@link Outcome#PAYMENT_DECLINED} of an order paid with several tenders: the tender the provider declined
     * (its {@code message} says why; the tenders authorised before it were voided). Empty otherwise.
     */
    public Optional<Tender> declinedTender() {
        if (outcome != Outcome.PAYMENT_DECLINED) {
            return Optional.empty();
        }
        for (Tender t : order.payment().tenders()) {
            if (t.status() == PaymentStatus.DECLINED) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
