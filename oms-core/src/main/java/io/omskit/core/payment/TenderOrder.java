package io.omskit.core.payment;

import io.omskit.core.common.Checks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.joda.money.Money;

/**
 * In which order an order's tenders are charged and refunded, by {@link TenderType}. Charge order decides which
 * tender is authorised first at placement and which captures first on shipment or collection; a cancellation releases
 * tenders in the reverse charge order (the last charged first). Refund order decides which tender a refund goes to
 * first, each never beyond what it captured and has not refunded. Tenders of the same type keep the order they were
 * asked in. Fixed on each order when it is placed, so a later change of configuration does not move its money
 * differently.
 *
 * <p>{@link #DEFAULT}: store credit, gift card, other, card are charged in that order (prepaid balances are spent before
 * the card, which takes the rest), and refunded the other way round: card first, gift card and store credit last.
 *
 * @param charge every tender type once, the first charged first
 * @param refund every tender type once, the first refunded first
 */
public record TenderOrder(List<TenderType> charge, List<TenderType> refund) {

    /** Store credit, gift card, other, card charged; card, other, gift card, store credit refunded. */
    public static final TenderOrder DEFAULT = new TenderOrder(
            List.of(TenderType.STORE_CREDIT, TenderType.GIFT_CARD, TenderType.OTHER, TenderType.CARD),
            List.of(TenderType.CARD, TenderType.OTHER, TenderType.GIFT_CARD, TenderType.STORE_CREDIT));

    /**
     * @throws IllegalArgumentException when a list is null or does not name every tender type exactly once
     */
    public TenderOrder {
        charge = everyTypeOnce(charge, "charge");
        refund = everyTypeOnce(refund, "refund");
    }

    /** Charged in {@code charge} order and refunded in the reverse order. */
    public static TenderOrder chargedInOrder(List<TenderType> charge) {
        List<TenderType> reversed = new ArrayList<>(everyTypeOnce(charge, "charge"));
        java.util.Collections.reverse(reversed);
        return new TenderOrder(charge, reversed);
    }

    /** The position of {@code type} in the charge order, from 0. */
    public int chargeRank(TenderType type) {
        return charge.indexOf(Checks.notNull(type, "type"));
    }

    /** The position of {@code type} in the refund order, from 0. */
    public int refundRank(TenderType type) {
        return refund.indexOf(Checks.notNull(type, "type"));
    }

    /**
     * The tenders of an order of {@code total} asked for as {@code requests} (which the order validator accepted),
     * in charge order: "the rest" resolved to what the fixed tenders leave, and {@code tolerance}'s extra on the tender
     * that pays the rest, else on the last charged. An order asked to pay with one {@code paymentRef} has no tenders,
     * unless it has a tolerance: then it has one, {@value #SINGLE_TENDER_ID}, of type {@link TenderType#OTHER}.
     *
     * @param requests   the requested tenders; empty for an order with one payment
     * @param paymentRef the one payment's ref when {@code requests} is empty; empty when the channel collected payment
     * @throws IllegalArgumentException when the fixed tenders come to more than {@code total}
     */
    public List<Tender> plan(List<TenderRequest> requests, String paymentRef, Money total, AuthorisationTolerance tolerance) {
        Checks.notNull(requests, "requests");
        Checks.notNull(total, "total");
        Checks.notNull(tolerance, "tolerance");
        Money extra = tolerance.extraFor(total);
        List<TenderRequest> asked = requests;
        if (asked.isEmpty()) {
            if (paymentRef == null || paymentRef.isEmpty() || !extra.isPositive()) {
                return List.of();
            }
            asked = List.of(TenderRequest.rest(SINGLE_TENDER_ID, TenderType.OTHER, paymentRef));
        }
        Money fixed = Money.zero(total.getCurrencyUnit());
        for (TenderRequest r : asked) {
            fixed = r.isRest() ? fixed : fixed.plus(r.amount());
        }
        Money rest = total.minus(fixed);
        if (rest.isNegative()) {
            throw new IllegalArgumentException("tenders must not come to more than the total " + total + ", come to " + fixed);
        }
        List<TenderRequest> charged = new ArrayList<>(asked);
        charged.sort(java.util.Comparator.comparingInt(r -> chargeRank(r.type())));
        List<TenderRequest> refunded = new ArrayList<>(asked);
        refunded.sort(java.util.Comparator.comparingInt(r -> refundRank(r.type())));
        int extraOn = charged.size() - 1;
        for (int i = 0; i < charged.size(); i++) {
            if (charged.get(i).isRest()) {
                extraOn = i;
            }
        }
        Money zero = Money.zero(total.getCurrencyUnit());
        List<Tender> tenders = new ArrayList<>();
        for (int i = 0; i < charged.size(); i++) {
            TenderRequest r = charged.get(i);
            tenders.add(Tender.planned(r.id(), r.type(), r.paymentRef(), r.isRest() ? rest : r.amount(), i == extraOn ? extra : zero,
                    refunded.indexOf(r)));
        }
        return List.copyOf(tenders);
    }

    /** The id of the one tender of an order asked to pay with one payment ref and a tolerance. */
    public static final String SINGLE_TENDER_ID = "payment";

    private static List<TenderType> everyTypeOnce(List<TenderType> types, String name) {
        List<TenderType> copy = Checks.list(types, name);
        Set<TenderType> seen = EnumSet.noneOf(TenderType.class);
        for (TenderType t : copy) {
            if (!seen.add(t)) {
                throw new IllegalArgumentException(name + " must name every tender type once, " + t + " appears twice in " + copy);
            }
        }
        if (seen.size() != TenderType.values().length) {
            throw new IllegalArgumentException(name + " must name every tender type once, misses "
                    + EnumSet.complementOf(EnumSet.copyOf(seen)) + " in " + copy);
        }
        return List.copyOf(copy);
    }
}
