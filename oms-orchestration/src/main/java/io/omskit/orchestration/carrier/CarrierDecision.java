package io.omskit.orchestration.carrier;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.Lane;
import io.omskit.core.shipping.Quote;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The service chosen for a parcel and why.
 *
 * @param lane       the lane weighed
 * @param promisedBy the day promised to the customer; null when nothing was promised (the cheapest then wins)
 * @param options    every quote weighed, the chosen one first, then by expected cost; empty when there was no quote
 */
public record CarrierDecision(Lane lane, LocalDate promisedBy, List<CarrierOption> options) {

    public CarrierDecision {
        Checks.notNull(lane, "lane");
        options = List.copyOf(options);
    }

    /** The chosen quote (book it with {@code oms.fulfilments().book(...)}); empty when there was no quote. */
    public Optional<Quote> chosen() {
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(0).quote());
    }

    /**
     * The choice in one line for people: {@code chose DHL PAKET: 4.10, on time 97% on DE-10; GLS BUSINESS: 3.60 but on
     * time 81%; ...}, each alternative with what made it lose (a lower on-time share, a schedule later than the promise,
     * or its price).
     */
    public String explanation() {
        if (options.isEmpty()) {
            return "no carrier quoted the parcel on " + lane;
        }
        CarrierOption best = options.get(0);
        StringBuilder b = new StringBuilder("chose ").append(best.quote().service()).append(": ")
                .append(amount(best)).append(", on time ").append(percent(best.onTimeProbability())).append(" on ")
                .append(lane.destination());
        if (promisedBy != null && best.missProbability() >= 1) {
            b.append(" (no service arrives by ").append(promisedBy).append(")");
        }
        for (int i = 1; i < options.size(); i++) {
            CarrierOption o = options.get(i);
            b.append("; ").append(o.quote().service()).append(": ").append(amount(o));
            if (promisedBy != null && o.scheduledDelivery().isAfter(promisedBy)) {
                b.append(" but arrives ").append(o.scheduledDelivery()).append(", after the promised ").append(promisedBy);
            } else if (o.quote().price().isLessThan(best.quote().price())) {
                b.append(" but on time ").append(percent(o.onTimeProbability()));
            } else {
                b.append(", on time ").append(percent(o.onTimeProbability()));
            }
        }
        return b.toString();
    }

    private static String amount(CarrierOption o) {
        return o.quote().price().getAmount().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p * 100);
    }
}
