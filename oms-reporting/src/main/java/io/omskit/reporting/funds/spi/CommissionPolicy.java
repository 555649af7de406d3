package io.omskit.reporting.funds.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.SellerRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;

/**
 * The default {@link StakeholderPolicy}, as data:
 * <ul>
 *   <li>a marketplace line: its seller is owed what the customer paid less the marketplace commission (the seller's own
 *   rate from {@code sellerCommissions}, else {@code marketplaceCommission}), whoever fulfilled it;</li>
 *   <li>units a drop-shipper shipped: the drop-shipper is owed its cost price per unit ({@code costPrices});</li>
 *   <li>units a store shipped to the customer: the store is owed {@code shipFromStoreCommission} of what they were paid;</li>
 *   <li>units collected in a store (click and collect, or ship to store): the store that handed them over is owed
 *   {@code clickAndCollectCommission} of what they were paid;</li>
 *   <li>the retailer keeps the rest.</li>
 * </ul>
 * Commissions are rates between 0 and 1 of what the customer paid net of discounts, rounded half up to the currency's
 * minor unit.
 *
 * @param marketplaceCommission     the marketplace's rate on sellers' lines, such as {@code 0.15}
 * @param sellerCommissions         rates agreed with particular sellers; may be empty
 * @param shipFromStoreCommission   a store's rate on the units it ships to customers
 * @param clickAndCollectCommission a store's rate on the units customers collect there
 * @param costPrices                what drop-shippers charge per unit
 */
public record CommissionPolicy(BigDecimal marketplaceCommission, Map<SellerRef, BigDecimal> sellerCommissions,
                               BigDecimal shipFromStoreCommission, BigDecimal clickAndCollectCommission,
                               CostPrices costPrices) implements StakeholderPolicy {

    /** The defaults: 15% marketplace commission, 5% for ship from store, 5% for click and collect. */
    public static final BigDecimal DEFAULT_MARKETPLACE_COMMISSION = new BigDecimal("0.15");
    /** The default rate of a store on the units it ships. */
    public static final BigDecimal DEFAULT_SHIP_FROM_STORE_COMMISSION = new BigDecimal("0.05");
    /** The default rate of a store on the units collected there. */
    public static final BigDecimal DEFAULT_CLICK_AND_COLLECT_COMMISSION = new BigDecimal("0.05");

    /**
     * @throws ValidationException naming every rate outside 0..1 and a missing {@code costPrices}
     */
    public CommissionPolicy {
        List<Problem> problems = new ArrayList<>();
        rate(marketplaceCommission, "marketplaceCommission", problems);
        sellerCommissions = Map.copyOf(Checks.notNull(sellerCommissions, "sellerCommissions"));
        sellerCommissions.forEach((seller, rate) -> rate(rate, "sellerCommissions[" + seller + "]", problems));
        rate(shipFromStoreCommission, "shipFromStoreCommission", problems);
        rate(clickAndCollectCommission, "clickAndCollectCommission", problems);
        if (costPrices == null) {
            problems.add(new Problem("costPrices", "null", "must be set"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("commission policy", problems);
        }
    }

    /** The default rates, with drop-shippers' cost prices from {@code costPrices}. */
    public static CommissionPolicy defaults(CostPrices costPrices) {
        return new CommissionPolicy(DEFAULT_MARKETPLACE_COMMISSION, Map.of(), DEFAULT_SHIP_FROM_STORE_COMMISSION,
                DEFAULT_CLICK_AND_COLLECT_COMMISSION, costPrices);
    }

    /** This policy with {@code seller} on its own marketplace rate. */
    public CommissionPolicy withSellerCommission(SellerRef seller, BigDecimal rate) {
        Map<SellerRef, BigDecimal> more = new java.util.HashMap<>(sellerCommissions);
        more.put(Checks.notNull(seller, "seller"), rate);
        return new CommissionPolicy(marketplaceCommission, more, shipFromStoreCommission, clickAndCollectCommission, costPrices);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when a drop-shipper's cost price of the SKU is unknown, or in another currency
     */
    @Override
    public List<Share> shares(HandOver units) {
        Checks.notNull(units, "units");
        if (units.seller() != null) {
            BigDecimal rate = sellerCommissions.getOrDefault(units.seller(), marketplaceCommission);
            Money commission = units.paid().multipliedBy(rate, RoundingMode.HALF_UP);
            return List.of(new Share(Stakeholder.seller(units.seller()), units.paid().minus(commission),
                    "price less " + percent(rate) + " commission"));
        }
        if (units.kind() == FulfilmentKind.DROP_SHIP || units.locationType() == LocationType.DROP_SHIPPER) {
            Money each = costPrices.costPrice(units.location(), units.sku(), units.paid().getCurrencyUnit())
                    .orElseThrow(() -> new IllegalArgumentException("cost price of SKU " + units.sku() + " at drop-shipper "
                            + units.location() + " in " + units.paid().getCurrencyUnit()
                            + " is unknown: CostPrices must price every SKU a drop-shipper ships"));
            if (!each.getCurrencyUnit().equals(units.paid().getCurrencyUnit()) || each.isNegative()) {
                throw new IllegalArgumentException("cost price of SKU " + units.sku() + " at drop-shipper " + units.location()
                        + " must be >= 0 in " + units.paid().getCurrencyUnit() + ", was " + each);
            }
            return List.of(new Share(Stakeholder.dropShipper(units.location()), each.multipliedBy(units.units()),
                    units.units() + " x cost price " + each));
        }
        if (units.kind().isCollected() && units.handedOverBy() != null) {
            return List.of(new Share(Stakeholder.store(units.handedOverBy()),
                    units.paid().multipliedBy(clickAndCollectCommission, RoundingMode.HALF_UP),
                    percent(clickAndCollectCommission) + " click and collect commission"));
        }
        if (units.locationType() == LocationType.STORE && units.kind() == FulfilmentKind.SHIP_TO_CUSTOMER) {
            return List.of(new Share(Stakeholder.store(units.location()),
                    units.paid().multipliedBy(shipFromStoreCommission, RoundingMode.HALF_UP),
                    percent(shipFromStoreCommission) + " ship from store commission"));
        }
        return List.of();
    }

    private static void rate(BigDecimal rate, String field, List<Problem> problems) {
        if (rate == null) {
            problems.add(new Problem(field, "null", "must be set"));
        } else if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new Problem(field, rate.toPlainString(), "must be a rate between 0 and 1"));
        }
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
