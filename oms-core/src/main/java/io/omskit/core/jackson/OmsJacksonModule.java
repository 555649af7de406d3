package io.omskit.core.jackson;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleKeyDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.fulfilment.BookingAttempt;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.TrackingResult;
import io.omskit.core.inventory.InventoryEvent;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.network.Network;
import io.omskit.core.order.OrderEvent;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The Jackson module of OMS Kit: every aggregate, value, event and result of the library round-trips
 * through JSON in a stable, documented format. Register it on any {@link com.fasterxml.jackson.databind.ObjectMapper}
 * (it brings {@link JavaTimeModule} along), or use {@link OmsJson#newMapper()} for a mapper configured for it.
 *
 * <h2>Wire format</h2>
 * <ul>
 * <li>Records are JSON objects with exactly their components as properties, in declaration order; nulls are
 *     written as {@code null}. Reading goes through the canonical constructor, so its validation applies: an
 *     invalid value fails with a Jackson exception whose message contains the constructor's message.</li>
 * <li>Identifier records ({@code Sku}, {@code OrderId}, {@code LocationId}, ... : any record of an
 *     {@code io.omskit} package whose only component is a {@code String value}) are plain JSON strings, also
 *     as map keys.</li>
 * <li>{@link Money} is {@code {"currency":"EUR","amount":"12.34"}} with the amount as a decimal string at the
 *     currency's scale (a JSON number is accepted when reading); {@link CurrencyUnit} is its ISO code. An amount
 *     read must be at most 40 characters long, less than 10^15 in magnitude and written with at most the currency's
 *     decimal places; anything else fails, naming the amount, and is never rounded.</li>
 * <li>{@code java.time} values are ISO-8601 strings ({@code "2024-05-01T09:30:00Z"}, {@code "PT4H"},
 *     {@code "15:00"}), whatever the mapper's timestamp settings.</li>
 * <li>{@link Network} is {@code {"locations":[...]}}; {@link ChannelExposure} is
 *     {@code {"policies":{"MARKETPLACE":{...}}}}, listing the channels with a policy of their own.</li>
 * <li>Polymorphic families (the event families, {@link DomainEvent} itself and the inventory result types) carry
 *     a {@value #TYPE_PROPERTY} property holding a registered, stable type name such as {@code "order.placed"}.
 *     Only registered names are resolved: class names in the input are never used to pick a class, and an
 *     unknown or missing name fails with an {@link com.fasterxml.jackson.databind.exc.InvalidTypeIdException}
 *     listing the known names. A value of a named type carries its name wherever it is written, also as an element
 *     of a raw collection or an {@code Object} field. Never enable Jackson's default typing on a mapper that
 *     reads OMS Kit JSON.</li>
 * </ul>
 *
 * <h2>Adding types</h2>
 * Later modules register their own polymorphic families and names with {@link #builder()}:
 * <pre>{@code
 * OmsJacksonModule module = OmsJacksonModule.builder()        // starts with every core name
 *         .family(SourcingEvent.class)
 *         .subtype(SourcingEvent.LinesSourced.class, "sourcing.lines-sourced")
 *         .build();
 * ObjectMapper mapper = OmsJson.newMapper(module);
 * }</pre>
 * Names are lower case words separated by dots and hyphens ({@code area.what-happened}), unique, and a
 * promise: once published, a name is never reused for another type. Register one module per mapper; modules
 * built with different names are registered side by side.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OmsJacksonModule extends Module {

    /** The JSON property that holds the type name of a polymorphic value. */
    public static final String TYPE_PROPERTY = "type";

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile(WORD + "(\\." + WORD + ")+");
    private static final Version VERSION = new Version(0, 1, 0, "SNAPSHOT", "io.omskit", "oms-core");
    private static final List<Class<?>> ISO_TIME_TYPES = List.of(Instant.class, Duration.class, Period.class,
            LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);

    private final Set<Class<?>> families;
    private final Map<Class<?>, String> typeNames;

    /** The module with the core families and type names. */
    public OmsJacksonModule() {
        this(builder());
    }

    private OmsJacksonModule(Builder builder) {
        this.families = Collections.unmodifiableSet(new LinkedHashSet<>(builder.families));
        this.typeNames = Collections.unmodifiableMap(new LinkedHashMap<>(builder.names));
    }

    /** A builder that starts with the core families and names, to which a module adds its own. */
    public static Builder builder() {
        Builder b = new Builder();
        b.family(DomainEvent.class).family(OrderEvent.class).family(OrderEvent.UnitsMoved.class).family(InventoryEvent.class)
                .family(FulfilmentEvent.class).family(io.omskit.core.transfer.TransferEvent.class)
                .family(ReservationResult.class).family(AllocationResult.class).family(AdjustmentResult.class)
                .family(BookingAttempt.class).family(TrackingResult.class)
                .family(io.omskit.core.transfer.TransferResult.class);
        b.subtype(OrderEvent.OrderPlaced.class, "order.placed")
                .subtype(OrderEvent.OrderUnitsMoved.class, "order.units-moved")
                .subtype(OrderEvent.OrderUnitsReserved.class, "order.units-reserved")
                .subtype(OrderEvent.OrderReservationReleased.class, "order.reservation-released")
                .subtype(OrderEvent.OrderUnitsAllocated.class, "order.units-allocated")
                .subtype(OrderEvent.OrderUnitsDeallocated.class, "order.units-deallocated")
                .subtype(OrderEvent.OrderUnitsReady.class, "order.units-ready")
                .subtype(OrderEvent.OrderUnitsShipped.class, "order.units-shipped")
                .subtype(OrderEvent.OrderUnitsPickedUp.class, "order.units-picked-up")
                .subtype(OrderEvent.OrderUnitsDelivered.class, "order.units-delivered")
                .subtype(OrderEvent.OrderUnitsCancelled.class, "order.units-cancelled")
                .subtype(OrderEvent.OrderUnitsReturned.class, "order.units-returned")
                .subtype(OrderEvent.OrderConfirmed.class, "order.confirmed")
                .subtype(OrderEvent.OrderPutOnHold.class, "order.put-on-hold")
                .subtype(OrderEvent.OrderHoldReleased.class, "order.hold-released")
                .subtype(OrderEvent.OrderPaymentUpdated.class, "order.payment-updated")
                .subtype(OrderEvent.OrderStatusChanged.class, "order.status-changed")
                .subtype(OrderEvent.OrderStockReconciled.class, "order.stock-reconciled")
                .subtype(OrderEvent.OrderNoteAdded.class, "order.note-added")
                .subtype(OrderEvent.OrderGoodwillGranted.class, "order.goodwill-granted")
                .subtype(OrderEvent.OrderParcelReshipped.class, "order.parcel-reshipped")
                .subtype(OrderEvent.OrderAddressChanged.class, "order.address-changed")
                .subtype(OrderEvent.OrderLinesEdited.class, "order.lines-edited")
                .subtype(OrderEvent.OrderUnitsBackordered.class, "order.units-backordered")
                .subtype(OrderEvent.OrderBackorderFilled.class, "order.backorder-filled")
                .subtype(OrderEvent.OrderSupplyDateChanged.class, "order.supply-date-changed")
                .subtype(OrderEvent.OrderDeliveryChanged.class, "order.delivery-changed");
        b.subtype(FulfilmentEvent.FulfilmentOffered.class, "fulfilment.offered")
                .subtype(FulfilmentEvent.FulfilmentAccepted.class, "fulfilment.accepted")
                .subtype(FulfilmentEvent.FulfilmentRejected.class, "fulfilment.rejected")
                .subtype(FulfilmentEvent.FulfilmentPickingStarted.class, "fulfilment.picking-started")
                .subtype(FulfilmentEvent.FulfilmentPacked.class, "fulfilment.packed")
                .subtype(FulfilmentEvent.FulfilmentShipped.class, "fulfilment.shipped")
                .subtype(FulfilmentEvent.FulfilmentArrivedAtStore.class, "fulfilment.arrived-at-store")
                .subtype(FulfilmentEvent.FulfilmentCollected.class, "fulfilment.collected")
                .subtype(FulfilmentEvent.FulfilmentDelivered.class, "fulfilment.delivered")
                .subtype(FulfilmentEvent.FulfilmentCancelled.class, "fulfilment.cancelled")
                .subtype(FulfilmentEvent.FulfilmentExpired.class, "fulfilment.expired")
                .subtype(FulfilmentEvent.ParcelBookingRequested.class, "fulfilment.parcel-booking-requested")
                .subtype(FulfilmentEvent.ParcelBooked.class, "fulfilment.parcel-booked")
                .subtype(FulfilmentEvent.ParcelBookingDeclined.class, "fulfilment.parcel-booking-declined")
                .subtype(FulfilmentEvent.ParcelBookingCancellationRequested.class,
                        "fulfilment.parcel-booking-cancellation-requested")
                .subtype(FulfilmentEvent.ParcelBookingCancellationDeclined.class,
                        "fulfilment.parcel-booking-cancellation-declined")
                .subtype(FulfilmentEvent.ParcelBookingCancelled.class, "fulfilment.parcel-booking-cancelled")
                .subtype(FulfilmentEvent.ParcelTracked.class, "fulfilment.parcel-tracked")
                .subtype(FulfilmentEvent.ParcelDelayed.class, "fulfilment.parcel-delayed")
                .subtype(FulfilmentEvent.DeliveryFailed.class, "fulfilment.delivery-failed")
                .subtype(FulfilmentEvent.ParcelDeliveryRecorded.class, "fulfilment.parcel-delivery-recorded");
        b.subtype(io.omskit.core.transfer.TransferEvent.TransferRequested.class, "transfer.requested")
                .subtype(io.omskit.core.transfer.TransferEvent.TransferShipped.class, "transfer.shipped")
                .subtype(io.omskit.core.transfer.TransferEvent.TransferReceived.class, "transfer.received")
                .subtype(io.omskit.core.transfer.TransferEvent.TransferCancelled.class, "transfer.cancelled")
                .subtype(io.omskit.core.transfer.TransferEvent.TransferPartReceived.class, "transfer.part-received")
                .subtype(io.omskit.core.transfer.TransferEvent.TransferClosedShort.class, "transfer.closed-short");
        b.subtype(InventoryEvent.StockMoved.class, "inventory.stock-moved")
                .subtype(InventoryEvent.StockLevelChanged.class, "inventory.level-changed")
                .subtype(InventoryEvent.StockReserved.class, "inventory.stock-reserved")
                .subtype(InventoryEvent.ReservationReleased.class, "inventory.reservation-released")
                .subtype(InventoryEvent.StockAllocated.class, "inventory.stock-allocated")
                .subtype(InventoryEvent.StockDeallocated.class, "inventory.stock-deallocated");
        b.subtype(ReservationResult.Reserved.class, "reservation.reserved")
                .subtype(ReservationResult.Insufficient.class, "reservation.insufficient")
                .subtype(AllocationResult.Allocated.class, "allocation.allocated")
                .subtype(AllocationResult.Insufficient.class, "allocation.insufficient")
                .subtype(AdjustmentResult.Applied.class, "adjustment.applied")
                .subtype(AdjustmentResult.Refused.class, "adjustment.refused")
                .subtype(BookingAttempt.Booked.class, "booking.booked")
                .subtype(BookingAttempt.Declined.class, "booking.declined")
                .subtype(BookingAttempt.Pending.class, "booking.pending")
                .subtype(TrackingResult.Recorded.class, "tracking.recorded")
                .subtype(TrackingResult.Duplicate.class, "tracking.duplicate")
                .subtype(TrackingResult.Unmatched.class, "tracking.unmatched")
                .subtype(io.omskit.core.transfer.TransferResult.Requested.class, "transfer-request.requested")
                .subtype(io.omskit.core.transfer.TransferResult.Refused.class, "transfer-request.refused");
        b.family(io.omskit.core.backorder.BackorderEvent.class).family(io.omskit.core.backorder.BackorderResult.class)
                .subtype(io.omskit.core.backorder.BackorderEvent.BackorderPlaced.class, "backorder.placed")
                .subtype(io.omskit.core.backorder.BackorderEvent.BackorderFilled.class, "backorder.filled")
                .subtype(io.omskit.core.backorder.BackorderEvent.SupplyDateMoved.class, "backorder.supply-date-moved")
                .subtype(io.omskit.core.backorder.BackorderResult.Accepted.class, "backorder-request.accepted")
                .subtype(io.omskit.core.backorder.BackorderResult.Refused.class, "backorder-request.refused");
        return b;
    }

    /** The polymorphic families: base types whose values carry a {@value #TYPE_PROPERTY} name. Never null. */
    public Set<Class<?>> families() {
        return families;
    }

    /** Every registered concrete type and its name, in registration order. Never null. */
    public Map<Class<?>, String> typeNames() {
        return typeNames;
    }

    @Override
    public String getModuleName() {
        return "OmsJacksonModule";
    }

    @Override
    public Version version() {
        return VERSION;
    }

    /** Equal for modules with the same names, so that registering the same module twice is a no-op. */
    @Override
    public Object getTypeId() {
        return getClass().getName() + typeNames.values();
    }

    @Override
    public Iterable<? extends Module> getDependencies() {
        return List.of(new JavaTimeModule());
    }

    @Override
    public void setupModule(SetupContext context) {
        for (Class<?> family : families) {
            context.setMixInAnnotations(family, MixIns.Polymorphic.class);
        }
        List<NamedType> named = new ArrayList<>(typeNames.size());
        typeNames.forEach((type, name) -> named.add(new NamedType(type, name)));
        context.registerSubtypes(named.toArray(new NamedType[0]));
        context.setMixInAnnotations(Network.class, MixIns.NetworkMixIn.class);
        context.setMixInAnnotations(io.omskit.core.payment.PaymentSummary.class, MixIns.PaymentSummaryMixIn.class);
        context.setMixInAnnotations(io.omskit.core.payment.PaymentIntent.class, MixIns.PaymentIntentMixIn.class);
        context.setMixInAnnotations(io.omskit.core.order.Order.class, MixIns.OrderMixIn.class);
        context.setMixInAnnotations(io.omskit.core.order.OrderLine.class, MixIns.OrderLineMixIn.class);
        context.setMixInAnnotations(io.omskit.core.order.UnitCounts.class, MixIns.UnitCountsMixIn.class);
        context.setMixInAnnotations(io.omskit.core.order.OrderEvent.OrderPlaced.class, MixIns.OrderPlacedMixIn.class);

        SimpleSerializers serializers = new SimpleSerializers();
        serializers.addSerializer(Money.class, new MoneyJson.MoneySerializer());
        serializers.addSerializer(CurrencyUnit.class, new MoneyJson.CurrencySerializer(false));
        serializers.addSerializer(ChannelExposure.class, new ChannelExposureJson.Serializer());
        context.addSerializers(serializers);
        context.addSerializers(new IdRecords.IdSerializers(false));

        SimpleSerializers keySerializers = new SimpleSerializers();
        keySerializers.addSerializer(CurrencyUnit.class, new MoneyJson.CurrencySerializer(true));
        context.addKeySerializers(keySerializers);
        context.addKeySerializers(new IdRecords.IdSerializers(true));

        SimpleDeserializers deserializers = new SimpleDeserializers();
        deserializers.addDeserializer(Money.class, new MoneyJson.MoneyDeserializer());
        deserializers.addDeserializer(CurrencyUnit.class, new MoneyJson.CurrencyDeserializer());
        deserializers.addDeserializer(ChannelExposure.class, new ChannelExposureJson.Deserializer());
        deserializers.addDeserializer(io.omskit.core.order.UnitCounts.class, new UnitCountsJson());
        context.addDeserializers(deserializers);
        context.addDeserializers(new IdRecords.IdDeserializers());

        SimpleKeyDeserializers keyDeserializers = new SimpleKeyDeserializers();
        keyDeserializers.addDeserializer(CurrencyUnit.class, new MoneyJson.CurrencyKeyDeserializer());
        context.addKeyDeserializers(keyDeserializers);
        context.addKeyDeserializers(new IdRecords.IdKeyDeserializers());

        context.addBeanSerializerModifier(new RecordComponentsOnly());
        context.addBeanSerializerModifier(new AlwaysTyped(typeNames.keySet()));
        context.addDeserializationProblemHandler(new TypeNameProblems(families));
        for (Class<?> type : ISO_TIME_TYPES) {
            context.configOverride(type).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        }
    }

    /** Whether {@code type} belongs to OMS Kit, whose records get the identifier and record rules. */
    static boolean isOmsType(Class<?> type) {
        return type.getName().startsWith("io.omskit.");
    }

    /**
     * Collects families and names; {@link #build()} checks them together. Not thread-safe.
     */
    public static final class Builder {
        private final Set<Class<?>> families = new LinkedHashSet<>();
        private final Map<Class<?>, String> names = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares {@code base} polymorphic: its values are written with a {@value #TYPE_PROPERTY} name and read
         * only from registered names.
         *
         * @param base an interface or abstract class
         * @throws IllegalArgumentException when {@code base} is concrete or already declared
         */
        public Builder family(Class<?> base) {
            if (!base.isInterface() && !Modifier.isAbstract(base.getModifiers())) {
                throw new IllegalArgumentException("family must be an interface or abstract class, was " + base.getName());
            }
            if (!families.add(base)) {
                throw new IllegalArgumentException("family " + base.getName() + " is already declared");
            }
            return this;
        }

        /**
         * Registers {@code type} under {@code name}.
         *
         * @param type a concrete type of one of the families (checked by {@link #build()})
         * @param name dot-separated lower-case words, hyphens within words: {@code order.units-moved}
         * @throws IllegalArgumentException when the name is malformed or taken, the type already named, abstract,
         *                                  or a record with a component called {@value #TYPE_PROPERTY}
         */
        public Builder subtype(Class<?> type, String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("type name must be lower-case words separated by dots, such as "
                        + "'order.units-moved', was '" + name + "' for " + type.getName());
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalArgumentException("type " + type.getName() + " named '" + name + "' must be concrete");
            }
            if (names.containsValue(name)) {
                throw new IllegalArgumentException("type name '" + name + "' is already used, cannot name " + type.getName());
            }
            if (names.containsKey(type)) {
                throw new IllegalArgumentException("type " + type.getName() + " is already named '" + names.get(type) + "'");
            }
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if (c.getName().equals(TYPE_PROPERTY)) {
                        throw new IllegalArgumentException("record " + type.getName() + " has a component named '"
                                + TYPE_PROPERTY + "', which clashes with the type name property");
                    }
                }
            }
            names.put(type, name);
            return this;
        }

        /**
         * The module.
         *
         * @throws IllegalArgumentException when a named type belongs to no family, or a permitted subclass of a
         *                                  sealed family has no name
         */
        public OmsJacksonModule build() {
            for (Class<?> type : names.keySet()) {
                if (families.stream().noneMatch(f -> f.isAssignableFrom(type))) {
                    throw new IllegalArgumentException("type " + type.getName() + " named '" + names.get(type)
                            + "' belongs to no declared family " + families);
                }
            }
            for (Class<?> family : families) {
                List<Class<?>> unnamed = new ArrayList<>();
                collectUnnamed(family, unnamed);
                if (!unnamed.isEmpty()) {
                    throw new IllegalArgumentException("sealed family " + family.getName()
                            + " has permitted types without a type name: " + unnamed);
                }
            }
            return new OmsJacksonModule(this);
        }

        private void collectUnnamed(Class<?> type, List<Class<?>> unnamed) {
            if (!type.isSealed()) {
                return;
            }
            for (Class<?> sub : type.getPermittedSubclasses()) {
                if (sub.isInterface() || Modifier.isAbstract(sub.getModifiers())) {
                    collectUnnamed(sub, unnamed);
                } else if (!names.containsKey(sub)) {
                    unnamed.add(sub);
                }
            }
        }
    }
}
