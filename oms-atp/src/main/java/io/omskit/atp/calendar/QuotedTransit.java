package io.omskit.atp.calendar;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.omskit.atp.spi.CarrierTransit;
import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Address;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.QuoteRequest;
import io.omskit.core.spi.SpiException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Transit times quoted by the host's carriers ({@link CarrierGateway}), so that a promise is made on the transit the
 * carriers then sell, the same quotes the carrier choice for a parcel weighs. A leg's transit runs from the fewest to
 * the most days among the services of its level that serve it (a promise covers whichever of them is chosen); a level
 * no service serves on the leg is not offered there (null).
 *
 * <p>Quotes are asked for a typical parcel and remembered per service level, origin, country and postal-code prefix for
 * a while, since promises are made on every product page and cart. When the carriers cannot answer (declined, not
 * attempted, unknown) the fallback answers, and the failure is not remembered; without a fallback it is an
 * {@link SpiException}. Thread-safe.
 *
 * <pre>{@code
 * CarrierTransit transit = QuotedTransit.builder(carriers, Parcel.of(1_000, 300, 200, 100))
 *         .fallback(table)                  // for when the carriers cannot be asked
 *         .build();
 * }</pre>
 */
public final class QuotedTransit implements CarrierTransit {

    private record Lane(ServiceLevel level, LocationId origin, String country, String postalPrefix) {
    }

    private final CarrierGateway carriers;
    private final Parcel parcel;
    private final Map<ServiceLevel, Set<io.omskit.core.shipping.ServiceLevel>> levels;
    private final CarrierTransit fallback;
    private final int postalPrefix;
    private final Cache<Lane, Optional<TransitTime>> quoted;

    private QuotedTransit(Builder b) {
        this.carriers = b.carriers;
        this.parcel = b.parcel;
        this.levels = new EnumMap<>(b.levels);
        this.fallback = b.fallback;
        this.postalPrefix = b.postalPrefix;
        this.quoted = CacheBuilder.newBuilder().maximumSize(b.lanes).expireAfterWrite(b.keepFor).build();
    }

    /** Starts a transit quoted by {@code carriers} for {@code typicalParcel}. */
    public static Builder builder(CarrierGateway carriers, Parcel typicalParcel) {
        return new Builder(carriers, typicalParcel);
    }

    /**
     * The transit the carriers quote for {@code query}'s leg, or null when no service of its level serves it.
     *
     * @throws SpiException when the carriers cannot answer and there is no fallback
     */
    @Override
    public TransitTime transit(TransitQuery query) {
        Checks.notNull(query, "query");
        if (query.countryCode() == null) {
            return fallback == null ? null : fallback.transit(query);
        }
        String country = query.countryCode().toUpperCase(Locale.ROOT);
        String postal = query.postalCode() == null ? "" : query.postalCode().substring(0, Math.min(postalPrefix,
                query.postalCode().length()));
        Lane lane = new Lane(query.service(), query.origin().id(), country, postal);
        Optional<TransitTime> known = quoted.getIfPresent(lane);
        if (known != null) {
            return known.orElse(null);
        }
        QuoteResult result = carriers.quote(new QuoteRequest(parcel, query.origin().id(),
                new Address("", "", null, "", query.postalCode(), country, query.position())));
        if (!result.succeeded()) {
            if (fallback != null) {
                return fallback.transit(query);
            }
            throw new SpiException("carriers could not quote " + query.service() + " from " + query.origin().id() + " to "
                    + country + ": " + result.outcome() + " " + result.message(), null, true);
        }
        int min = Integer.MAX_VALUE;
        int max = -1;
        Set<io.omskit.core.shipping.ServiceLevel> wanted = levels.getOrDefault(query.service(), Set.of());
        for (Quote q : result.quotes()) {
            if (wanted.contains(q.service().level())) {
                min = Math.min(min, q.transitDays());
                max = Math.max(max, q.transitDays());
            }
        }
        Optional<TransitTime> transit = max < 0 ? Optional.empty() : Optional.of(TransitTime.days(min, max));
        quoted.put(lane, transit);
        return transit.orElse(null);
    }

    /** Configures a {@link QuotedTransit}. */
    public static final class Builder {
        private final CarrierGateway carriers;
        private final Parcel parcel;
        private final Map<ServiceLevel, Set<io.omskit.core.shipping.ServiceLevel>> levels = new EnumMap<>(ServiceLevel.class);
        private CarrierTransit fallback;
        private int postalPrefix = 2;
        private int lanes = 10_000;
        private Duration keepFor = Duration.ofHours(1);

        private Builder(CarrierGateway carriers, Parcel parcel) {
            this.carriers = Checks.notNull(carriers, "carriers");
            this.parcel = Checks.notNull(parcel, "typicalParcel");
            levels.put(ServiceLevel.STANDARD, EnumSet.of(io.omskit.core.shipping.ServiceLevel.ECONOMY,
                    io.omskit.core.shipping.ServiceLevel.STANDARD));
            levels.put(ServiceLevel.EXPRESS, EnumSet.of(io.omskit.core.shipping.ServiceLevel.EXPRESS,
                    io.omskit.core.shipping.ServiceLevel.NEXT_DAY, io.omskit.core.shipping.ServiceLevel.SAME_DAY));
            levels.put(ServiceLevel.TRANSFER, EnumSet.of(io.omskit.core.shipping.ServiceLevel.ECONOMY,
                    io.omskit.core.shipping.ServiceLevel.STANDARD));
        }

        /**
         * The carriers' service levels whose quotes stand for a promise's {@code level}; by default economy and standard
         * for standard delivery and transfers, express, next day and same day for express delivery.
         *
         * @throws IllegalArgumentException when {@code carrierLevels} is empty
         */
        public Builder level(ServiceLevel level, Set<io.omskit.core.shipping.ServiceLevel> carrierLevels) {
            Checks.notNull(level, "level");
            if (Checks.notNull(carrierLevels, "carrierLevels").isEmpty()) {
                throw new IllegalArgumentException("carrierLevels must name at least one service level for " + level);
            }
            levels.put(level, EnumSet.copyOf(carrierLevels));
            return this;
        }

        /** What answers when the carriers cannot (and for a leg without a destination country); default none. */
        public Builder fallback(CarrierTransit fallback) {
            this.fallback = Checks.notNull(fallback, "fallback");
            return this;
        }

        /**
         * How many leading characters of the postal code make a lane (default 2), how many lanes are remembered
         * (default 10,000) and for how long (default one hour).
         *
         * @throws IllegalArgumentException when a number is not positive or the duration is not
         */
        public Builder lanes(int postalPrefix, int lanes, Duration keepFor) {
            this.postalPrefix = Checks.positive(postalPrefix, "postalPrefix");
            this.lanes = Checks.positive(lanes, "lanes");
            Checks.notNull(keepFor, "keepFor");
            if (keepFor.isNegative() || keepFor.isZero()) {
                throw new IllegalArgumentException("keepFor must be positive, was " + keepFor);
            }
            this.keepFor = keepFor;
            return this;
        }

        /** The transit. */
        public QuotedTransit build() {
            return new QuotedTransit(this);
        }
    }
}
