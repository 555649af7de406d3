package io.omskit.core.order;

import io.omskit.core.channel.Channel;
import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.common.Checks;
import io.omskit.core.payment.AuthorisationTolerance;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderRequest;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Checks a placement request against every rule at once and reports all problems in one
 * {@link ValidationException}. Thread-safe.
 */
public final class OrderValidator {

    /** Default upper bound of a line's quantity; larger quantities are treated as typing errors. */
    public static final int DEFAULT_MAX_LINE_QUANTITY = 10_000;
    /**
     * Default upper bound of the stock units of one SKU an order needs, over all its lines, a bundle line counting
     * its components (quantity &times; units per bundle): 1,000,000.
     */
    public static final int DEFAULT_MAX_STOCK_UNITS_PER_SKU = 1_000_000;
    /**
     * Default upper bound of what an order's lines (quantity &times; unit price, before discounts) and charges add up
     * to, in minor units of its currency: 10<sup>12</sup>, such as EUR 10,000,000,000.00.
     */
    public static final long DEFAULT_MAX_ORDER_AMOUNT_MINOR = 1_000_000_000_000L;

    /**
     * What placement refuses as absurd: beyond these an order is a typing error or an attack, and its arithmetic
     * would leave the ranges stock and payment providers count in.
     *
     * @param maxLineQuantity     the most units of one line, at least 1
     * @param maxStockUnitsPerSku the most stock units of one SKU an order needs over all its lines, a bundle line
     *                            counting its components; at least 1
     * @param maxOrderAmountMinor the most the order's lines (quantity &times; unit price, before discounts) and charges
     *                            add up to, in minor units of its currency; at least 1. Each limit below 1 is
     *                            refused with an {@link IllegalArgumentException} naming it
     */
    public record Limits(int maxLineQuantity, int maxStockUnitsPerSku, long maxOrderAmountMinor) {

        /** {@link #DEFAULT_MAX_LINE_QUANTITY}, {@link #DEFAULT_MAX_STOCK_UNITS_PER_SKU}, {@link #DEFAULT_MAX_ORDER_AMOUNT_MINOR}. */
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_LINE_QUANTITY, DEFAULT_MAX_STOCK_UNITS_PER_SKU,
                DEFAULT_MAX_ORDER_AMOUNT_MINOR);

        public Limits {
            Checks.positive(maxLineQuantity, "maxLineQuantity");
            Checks.positive(maxStockUnitsPerSku, "maxStockUnitsPerSku");
            if (maxOrderAmountMinor <= 0) {
                throw new IllegalArgumentException("maxOrderAmountMinor must be > 0, was " + maxOrderAmountMinor);
            }
        }
    }

    private static final Map<String, Pattern> POSTAL_CODES = Map.ofEntries(
            Map.entry("US", Pattern.compile("\\d{5}(-\\d{4})?")),
            Map.entry("GB", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}", Pattern.CASE_INSENSITIVE)),
            Map.entry("DE", Pattern.compile("\\d{5}")),
            Map.entry("FR", Pattern.compile("\\d{5}")),
            Map.entry("ES", Pattern.compile("\\d{5}")),
            Map.entry("IT", Pattern.compile("\\d{5}")),
            Map.entry("NL", Pattern.compile("\\d{4} ?[A-Z]{2}", Pattern.CASE_INSENSITIVE)),
            Map.entry("BE", Pattern.compile("\\d{4}")),
            Map.entry("AT", Pattern.compile("\\d{4}")),
            Map.entry("CH", Pattern.compile("\\d{4}")),
            Map.entry("CA", Pattern.compile("[A-Z]\\d[A-Z] ?\\d[A-Z]\\d", Pattern.CASE_INSENSITIVE)));
    private static final Pattern GENERIC_POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}");

    private final Function<Sku, Optional<SkuAttributes>> catalog;
    private final Network network;
    private final Limits limits;

    /**
     * A validator with the {@link Limits#DEFAULT default limits} but the line quantity.
     *
     * @param catalog         looks up every SKU (a {@code Catalog}'s {@code find}); unknown SKUs are problems
     * @param network         the network; the pickup store must be in it and offer pickup
     * @param maxLineQuantity quantities above it are rejected as absurd
     */
    public OrderValidator(Function<Sku, Optional<SkuAttributes>> catalog, Network network, int maxLineQuantity) {
        this(catalog, network, new Limits(maxLineQuantity, DEFAULT_MAX_STOCK_UNITS_PER_SKU, DEFAULT_MAX_ORDER_AMOUNT_MINOR));
    }

    /**
     * @param catalog looks up every SKU (a {@code Catalog}'s {@code find}); unknown SKUs are problems
     * @param network the network; the pickup store must be in it and offer pickup
     * @param limits  what is refused as absurd
     */
    public OrderValidator(Function<Sku, Optional<SkuAttributes>> catalog, Network network, Limits limits) {
        this.catalog = Checks.notNull(catalog, "catalog");
        this.network = Checks.notNull(network, "network");
        this.limits = Checks.notNull(limits, "limits");
    }

    /**
     * Validates {@code request}.
     *
     * @throws ValidationException listing every problem found
     */
    public void validate(PlaceOrderRequest request) {
        List<Problem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new ValidationException("order placement", problems);
        }
    }

    /** Every problem of {@code request}; empty when it can be placed. */
    public List<Problem> problems(PlaceOrderRequest request) {
        Checks.notNull(request, "request");
        List<Problem> problems = new ArrayList<>();
        if (request.channel() == null) {
            problems.add(new Problem("channel", null, "is required"));
        }
        if (request.externalRef() == null) {
            problems.add(new Problem("externalRef", null, "is required"));
        }
        if (request.customer() == null) {
            problems.add(new Problem("customer", null, "is required"));
        }
        CurrencyUnit currency = request.currency();
        if (currency == null) {
            problems.add(new Problem("currency", null, "is required"));
        }
        // a payment token is a secret of sorts: masked like an address
        checkText("paymentRef", request.paymentRef(), false, PlaceOrderRequest.MAX_PAYMENT_REF_LENGTH, problems);
        checkDelivery(request.delivery(), problems);
        BigDecimal linesAmount = checkLines(request, currency, problems);
        checkAdjustments("discounts", request.discounts(), currency, problems);
        checkAdjustments("charges", request.charges(), currency, problems);
        if (linesAmount != null) {
            checkOrderAmount(linesAmount, request.charges(), currency, problems);
        }
        if (problems.isEmpty()) {
            checkDiscountsWithinTotal(request, currency, problems);
        }
        checkTenders(request, currency, problems);
        return problems;
    }

    /**
     * Checks the tenders: each with an id (unique), a type, a payment ref and a positive amount in the order's
     * currency or none (the rest, at most once); no single {@code paymentRef} beside them; their fixed amounts come to
     * the total (less than it, when one pays the rest). The tolerance's fixed amount must be in the order's currency.
     */
    private static void checkTenders(PlaceOrderRequest request, CurrencyUnit currency, List<Problem> problems) {
        AuthorisationTolerance tolerance = request.authorisationTolerance();
        if (tolerance != null && tolerance.fixed() != null && currency != null && !tolerance.fixed().getCurrencyUnit().equals(currency)) {
            problems.add(new Problem("authorisationTolerance.fixed", tolerance.fixed().toString(), "must be in the order's currency " + currency));
        }
        List<TenderRequest> tenders = request.tenders();
        if (tenders.isEmpty()) {
            return;
        }
        if (!request.paymentRef().isEmpty()) {
            problems.add(new Problem("paymentRef", mask(request.paymentRef()), "must be empty when tenders are given"));
        }
        if (tenders.size() > PlaceOrderRequest.MAX_TENDERS) {
            problems.add(new Problem("tenders", tenders.size() + " tenders", "must be at most " + PlaceOrderRequest.MAX_TENDERS));
        }
        Set<String> ids = new HashSet<>();
        int rests = 0;
        boolean amountsOk = currency != null;
        Money fixed = currency == null ? null : Money.zero(currency);
        for (int i = 0; i < tenders.size(); i++) {
            TenderRequest t = tenders.get(i);
            String at = "tenders[" + i + "]";
            if (t == null) {
                problems.add(new Problem(at, null, "must not be null"));
                amountsOk = false;
                continue;
            }
            String idProblem = t.id() == null || t.id().isBlank() ? "is required" : Checks.textProblem(t.id(), Tender.MAX_ID_LENGTH, false);
            if (idProblem != null) {
                problems.add(new Problem(at + ".id", Checks.quote(t.id()), idProblem));
            } else if (!ids.add(t.id())) {
                problems.add(new Problem(at + ".id", t.id(), "must be unique within the order"));
            }
            if (t.type() == null) {
                problems.add(new Problem(at + ".type", null, "is required"));
            }
            checkText(at + ".paymentRef", t.paymentRef(), true, PlaceOrderRequest.MAX_PAYMENT_REF_LENGTH, problems);
            if (t.isRest()) {
                rests++;
            } else if (!t.amount().isPositive() || (currency != null && !t.amount().getCurrencyUnit().equals(currency))) {
                problems.add(new Problem(at + ".amount", t.amount().toString(),
                        "must be positive and in the order's currency " + currency + ", or none to pay the rest"));
                amountsOk = false;
            } else if (fixed != null) {
                fixed = fixed.plus(t.amount());
            }
        }
        if (rests > 1) {
            problems.add(new Problem("tenders", rests + " tenders paying the rest", "at most one tender may pay the rest"));
        }
        if (amountsOk && problems.isEmpty()) {
            Money total = totalOf(request, currency);
            if (rests == 0 && !fixed.equals(total)) {
                problems.add(new Problem("tenders", fixed.toString(), "must come to the order total " + total
                        + " (or leave one tender to pay the rest)"));
            } else if (rests == 1 && fixed.isGreaterThan(total)) {
                problems.add(new Problem("tenders", fixed.toString(), "must not come to more than the order total " + total));
            }
        }
    }

    /** What {@link Order#total()} will be for {@code request}. */
    private static Money totalOf(PlaceOrderRequest request, CurrencyUnit currency) {
        Money sum = Money.zero(currency);
        for (LineRequest l : request.lines()) {
            sum = sum.plus(l.unitPrice().multipliedBy(l.quantity()));
            for (Adjustment d : l.discounts()) {
                sum = sum.minus(d.amount());
            }
        }
        for (Adjustment d : request.discounts()) {
            sum = sum.minus(d.amount());
        }
        for (Adjustment c : request.charges()) {
            sum = sum.plus(c.amount());
        }
        return sum.isNegative() ? Money.zero(currency) : sum;
    }

    /**
     * Checks every line; what they come to (quantity &times; unit price), summed over the lines that can be summed,
     * or null when there is no currency or a line alone comes to more than an order may.
     */
    private BigDecimal checkLines(PlaceOrderRequest request, CurrencyUnit currency, List<Problem> problems) {
        if (request.lines().isEmpty()) {
            problems.add(new Problem("lines", "[]", "must contain at least one line"));
            return null;
        }
        Set<LineId> seen = new HashSet<>();
        Map<Sku, Long> stockUnits = new HashMap<>();
        BigDecimal amount = currency == null ? null : BigDecimal.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            LineRequest line = request.lines().get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                problems.add(new Problem(at, null, "must not be null"));
                continue;
            }
            if (line.id() == null) {
                problems.add(new Problem(at + ".id", null, "is required"));
            } else if (!seen.add(line.id())) {
                problems.add(new Problem(at + ".id", line.id().value(), "must be unique within the order"));
            }
            boolean quantityOk = false;
            if (line.quantity() <= 0) {
                problems.add(new Problem(at + ".quantity", String.valueOf(line.quantity()), "must be at least 1"));
            } else if (line.quantity() > limits.maxLineQuantity()) {
                problems.add(new Problem(at + ".quantity", String.valueOf(line.quantity()),
                        "must be at most " + limits.maxLineQuantity()));
            } else {
                quantityOk = true;
            }
            Optional<SkuAttributes> attributes = checkSku(at, line.sku(), problems);
            if (quantityOk && attributes.isPresent()) {
                checkStockUnits(at, line.quantity(), attributes.get(), stockUnits, problems);
            }
            if (checkPrice(at, line, currency, problems) && quantityOk && amount != null) {
                amount = addLineAmount(at + ".unitPrice", line.unitPrice(), line.quantity(), amount, problems);
            }
            if (request.channel() == Channel.MARKETPLACE && line.seller() == null) {
                problems.add(new Problem(at + ".seller", null, "is required on the marketplace channel"));
            }
        }
        return amount;
    }

    /** The SKU's attributes; empty, with a problem, when it is missing or unknown. */
    private Optional<SkuAttributes> checkSku(String at, Sku sku, List<Problem> problems) {
        if (sku == null) {
            problems.add(new Problem(at + ".sku", null, "is required"));
            return Optional.empty();
        }
        Optional<SkuAttributes> attributes = catalog.apply(sku);
        if (attributes.isEmpty()) {
            problems.add(new Problem(at + ".sku", sku.value(), "must be a SKU known to the catalog"));
        }
        return attributes;
    }

    /**
     * Adds the stock units a line needs (a bundle's components, else its SKU) to the order's {@code units} per SKU, and
     * a problem when that takes a SKU beyond the limit. In longs, and a total kept at most one past the limit, so that
     * no sum overflows.
     */
    private void checkStockUnits(String at, int quantity, SkuAttributes attributes, Map<Sku, Long> units,
                                 List<Problem> problems) {
        long max = limits.maxStockUnitsPerSku();
        List<BundleComponent> components = attributes.isBundle() ? attributes.components()
                : List.of(new BundleComponent(attributes.sku(), 1));
        for (BundleComponent c : components) {
            long before = units.getOrDefault(c.sku(), 0L);
            long total = before + (long) quantity * c.quantity();
            if (before <= max && total > max) {
                problems.add(new Problem(at + ".quantity", String.valueOf(quantity), "needs " + total + " units of "
                        + c.sku() + (attributes.isBundle() ? " (" + c.quantity() + " per bundle)" : "")
                        + (before > 0 ? " with the order's earlier lines" : "") + ", more than the " + max
                        + " units of one SKU an order may need"));
            }
            units.put(c.sku(), Math.min(total, max + 1));
        }
    }

    /**
     * {@code amount} plus {@code price} &times; {@code quantity}, in BigDecimal so that nothing overflows; null, with a
     * problem naming {@code field}, when the line alone comes to more than an order may.
     */
    private BigDecimal addLineAmount(String field, Money price, int quantity, BigDecimal amount, List<Problem> problems) {
        BigDecimal line = price.getAmount().multiply(BigDecimal.valueOf(quantity));
        Money max = maxOrderAmount(price.getCurrencyUnit());
        if (line.compareTo(max.getAmount()) > 0) {
            problems.add(new Problem(field, price.toString(), (quantity == 1 ? "" : "times " + quantity + " ")
                    + "comes to " + line.toPlainString() + ", more than the " + max + " an order may come to"));
            return null;
        }
        return amount.add(line);
    }

    /** A problem when the lines' {@code amount} and the charges come to more than an order may. */
    private void checkOrderAmount(BigDecimal amount, List<Adjustment> charges, CurrencyUnit currency, List<Problem> problems) {
        BigDecimal total = amount;
        for (Adjustment c : charges) {
            if (c != null && c.amount().getCurrencyUnit().equals(currency) && !c.amount().isNegative()) {
                total = total.add(c.amount().getAmount());
            }
        }
        Money max = maxOrderAmount(currency);
        if (total.compareTo(max.getAmount()) > 0) {
            problems.add(new Problem("lines", currency + " " + total.toPlainString(),
                    "with the charges, come to more than the " + max + " an order may come to"));
        }
    }

    private Money maxOrderAmount(CurrencyUnit currency) {
        return Money.ofMinor(currency, limits.maxOrderAmountMinor());
    }

    /** Whether the line's price is usable in sums: present, not negative, in the order currency. */
    private static boolean checkPrice(String at, LineRequest line, CurrencyUnit currency, List<Problem> problems) {
        Money price = line.unitPrice();
        if (price == null) {
            problems.add(new Problem(at + ".unitPrice", null, "is required"));
            return false;
        }
        if (price.isNegative()) {
            problems.add(new Problem(at + ".unitPrice", price.toString(), "must not be negative"));
        }
        if (currency != null && !price.getCurrencyUnit().equals(currency)) {
            problems.add(new Problem(at + ".unitPrice", price.toString(), "must be in the order currency " + currency));
        }
        Money discounts = null;
        for (int d = 0; d < line.discounts().size(); d++) {
            Adjustment discount = line.discounts().get(d);
            String field = at + ".discounts[" + d + "]";
            if (discount == null) {
                problems.add(new Problem(field, null, "must not be null"));
                continue;
            }
            Money amount = discount.amount();
            if (!amount.getCurrencyUnit().equals(price.getCurrencyUnit())) {
                problems.add(new Problem(field, amount.toString(), "must be in the line's currency " + price.getCurrencyUnit()));
                continue;
            }
            if (amount.isNegative()) {
                problems.add(new Problem(field, amount.toString(), "must not be negative"));
            }
            discounts = discounts == null ? amount : discounts.plus(amount);
        }
        if (discounts != null && line.quantity() > 0 && !price.isNegative()
                && discounts.isGreaterThan(price.multipliedBy(line.quantity()))) {
            problems.add(new Problem(at + ".discounts", discounts.toString(),
                    "must not exceed the line subtotal " + price.multipliedBy(line.quantity())));
        }
        return !price.isNegative() && (currency == null || price.getCurrencyUnit().equals(currency));
    }

    private static void checkAdjustments(String field, List<Adjustment> adjustments, CurrencyUnit currency,
                                         List<Problem> problems) {
        for (int i = 0; i < adjustments.size(); i++) {
            if (adjustments.get(i) == null) {
                problems.add(new Problem(field + "[" + i + "]", null, "must not be null"));
                continue;
            }
            Money amount = adjustments.get(i).amount();
            if (amount.isNegative()) {
                problems.add(new Problem(field + "[" + i + "]", amount.toString(), "must not be negative"));
            }
            if (currency != null && !amount.getCurrencyUnit().equals(currency)) {
                problems.add(new Problem(field + "[" + i + "]", amount.toString(), "must be in the order currency " + currency));
            }
        }
    }

    /** Order discounts may not take the total below zero: a negative total is a pricing error upstream. */
    private static void checkDiscountsWithinTotal(PlaceOrderRequest request, CurrencyUnit currency, List<Problem> problems) {
        if (request.discounts().isEmpty()) {
            return;
        }
        Money ceiling = Money.zero(currency);
        for (LineRequest l : request.lines()) {
            ceiling = ceiling.plus(l.unitPrice().multipliedBy(l.quantity()));
            for (Adjustment d : l.discounts()) {
                ceiling = ceiling.minus(d.amount());
            }
        }
        for (Adjustment c : request.charges()) {
            ceiling = ceiling.plus(c.amount());
        }
        Money discounts = Money.zero(currency);
        for (Adjustment d : request.discounts()) {
            discounts = discounts.plus(d.amount());
        }
        if (discounts.isGreaterThan(ceiling)) {
            problems.add(new Problem("discounts", discounts.toString(),
                    "must not exceed the lines total plus charges " + ceiling));
        }
    }

    /**
     * What is wrong with {@code delivery} as placement checks it: an address for home delivery (values masked), a
     * store of the network offering pickup (and receiving transfers for ship-to-store) for a collection.
     */
    public List<Problem> deliveryProblems(DeliveryChoice delivery) {
        List<Problem> problems = new ArrayList<>();
        checkDelivery(delivery, problems);
        return problems;
    }

    private void checkDelivery(DeliveryChoice delivery, List<Problem> problems) {
        if (delivery == null) {
            problems.add(new Problem("delivery", null, "is required"));
            return;
        }
        if (delivery.method().isHomeDelivery()) {
            if (delivery.pickupStore() != null) {
                problems.add(new Problem("delivery.pickupStore", delivery.pickupStore().value(),
                        "must be empty for " + delivery.method()));
            }
            checkAddress(delivery.address(), problems);
        } else {
            if (delivery.pickupStore() == null) {
                problems.add(new Problem("delivery.pickupStore", null, "is required for " + delivery.method()));
            } else {
                Optional<Location> store = network.find(delivery.pickupStore());
                if (store.isEmpty()) {
                    problems.add(new Problem("delivery.pickupStore", delivery.pickupStore().value(), "must be a location of the network"));
                } else if (store.get().type() != LocationType.STORE || !store.get().can(Capability.PICKUP)) {
                    problems.add(new Problem("delivery.pickupStore", delivery.pickupStore().value(), "must be a store that offers pickup"));
                } else if (delivery.method() == DeliveryMethod.SHIP_TO_STORE && !store.get().can(Capability.RECEIVE_TRANSFER)) {
                    problems.add(new Problem("delivery.pickupStore", delivery.pickupStore().value(),
                            "must be a store that receives transfers for " + delivery.method()));
                }
            }
        }
    }

    /**
     * What is wrong with {@code address} as a delivery address, as placement checks it (values masked: addresses are
     * personal data); empty when nothing is.
     */
    public static List<Problem> addressProblems(Address address) {
        List<Problem> problems = new ArrayList<>();
        checkAddress(address, problems);
        return problems;
    }

    private static void checkAddress(Address address, List<Problem> problems) {
        if (address == null) {
            problems.add(new Problem("delivery.address", null, "is required for home delivery"));
            return;
        }
        // Values are masked: addresses are personal data and problems end up in logs.
        checkText("delivery.address.recipient", address.recipient(), true, Address.MAX_LINE_LENGTH, problems);
        checkText("delivery.address.line1", address.line1(), true, Address.MAX_LINE_LENGTH, problems);
        checkText("delivery.address.line2", address.line2(), false, Address.MAX_LINE_LENGTH, problems);
        checkText("delivery.address.city", address.city(), true, Address.MAX_CITY_LENGTH, problems);
        String country = address.countryCode();
        if (!Checks.isCountryCode(country)) {
            problems.add(new Problem("delivery.address.countryCode", Checks.quote(country),
                    "must be an ISO 3166-1 alpha-2 code such as DE"));
        }
        String postal = address.postalCode();
        if (checkText("delivery.address.postalCode", postal, true, Address.MAX_POSTAL_CODE_LENGTH, problems)) {
            Pattern pattern = country == null ? GENERIC_POSTAL_CODE : POSTAL_CODES.getOrDefault(country, GENERIC_POSTAL_CODE);
            if (!pattern.matcher(postal.trim()).matches()) {
                problems.add(new Problem("delivery.address.postalCode", mask(postal),
                        "must be a postal code of " + (country == null ? "the country" : country)));
            }
        }
    }

    /**
     * Adds a problem when {@code value} is missing but {@code required}, or is not a single line of at most
     * {@code maxLength} characters; the value masked. Whether it has no problem.
     */
    private static boolean checkText(String field, String value, boolean required, int maxLength, List<Problem> problems) {
        String broken = required && isBlank(value) ? "is required" : Checks.textProblem(value, maxLength, false);
        if (broken != null) {
            problems.add(new Problem(field, mask(value), broken));
        }
        return broken == null && value != null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String mask(String s) {
        if (s == null) {
            return "null";
        }
        return s.isBlank() ? "'" + s + "'" : "<" + s.length() + " characters>";
    }
}
