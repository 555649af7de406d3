package io.omskit.core.order;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import io.omskit.core.network.Capability;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.spi.Catalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
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

    private final Catalog catalog;
    private final Network network;
    private final int maxLineQuantity;

    /**
     * @param catalog         looks up every SKU; unknown SKUs are problems
     * @param network         the network; the pickup store must be in it and offer pickup
     * @param maxLineQuantity quantities above it are rejected as absurd
     */
    public OrderValidator(Catalog catalog, Network network, int maxLineQuantity) {
        this.catalog = catalog;
        this.network = network;
        this.maxLineQuantity = maxLineQuantity;
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
        checkLines(request, currency, problems);
        checkAdjustments("discounts", request.discounts(), currency, problems);
        checkAdjustments("charges", request.charges(), currency, problems);
        if (problems.isEmpty()) {
            checkDiscountsWithinTotal(request, currency, problems);
        }
        return problems;
    }

    private void checkLines(PlaceOrderRequest request, CurrencyUnit currency, List<Problem> problems) {
        if (request.lines().isEmpty()) {
            problems.add(new Problem("lines", "[]", "must contain at least one line"));
            return;
        }
        Set<LineId> seen = new HashSet<>();
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
            if (line.quantity() <= 0) {
                problems.add(new Problem(at + ".quantity", String.valueOf(line.quantity()), "must be at least 1"));
            } else if (line.quantity() > maxLineQuantity) {
                problems.add(new Problem(at + ".quantity", String.valueOf(line.quantity()),
                        "must be at most " + maxLineQuantity));
            }
            checkSku(at, line.sku(), problems);
            checkPrice(at, line, currency, problems);
            if (request.channel() == Channel.MARKETPLACE && line.seller() == null) {
                problems.add(new Problem(at + ".seller", null, "is required on the marketplace channel"));
            }
        }
    }

    private void checkSku(String at, Sku sku, List<Problem> problems) {
        if (sku == null) {
            problems.add(new Problem(at + ".sku", null, "is required"));
        } else if (catalog.find(sku).isEmpty()) {
            problems.add(new Problem(at + ".sku", sku.value(), "must be a SKU known to the catalog"));
        }
    }

    private static void checkPrice(String at, LineRequest line, CurrencyUnit currency, List<Problem> problems) {
        Money price = line.unitPrice();
        if (price == null) {
            problems.add(new Problem(at + ".unitPrice", null, "is required"));
            return;
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
            Money amount = discount.amount();
            String field = at + ".discounts[" + d + "]";
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
    }

    private static void checkAdjustments(String field, List<Adjustment> adjustments, CurrencyUnit currency,
                                         List<Problem> problems) {
        for (int i = 0; i < adjustments.size(); i++) {
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
        if (country == null || !ISO_COUNTRIES.contains(country)) {
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
