package io.omskit.returns.rma;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Label;
import io.omskit.core.shipping.Parcel;
import java.time.Instant;
import java.util.Optional;
import org.joda.money.Money;

/**
 * The carrier label the goods of a return travel with (mail-in or carrier collection): recorded under its idempotency
 * key before the carrier is asked, so that asking again after an unknown answer returns the label the carrier made
 * instead of making a second one.
 *
 * @param key         the idempotency key of the booking ({@code <return>/return-label-<attempt>})
 * @param attempt     1 for the first booking, one more after each decline
 * @param service     the carrier service asked
 * @param parcel      the parcel as the carrier was asked to take it (asked again exactly so)
 * @param status      requested (no answer known yet), booked or declined; once booked, the voiding of a label the return
 *                    no longer needs (void requested, voided, void declined)
 * @param label       the label (tracking number, document); present exactly when it was booked
 * @param price       what the carrier charges for it; present exactly when it was booked
 * @param message     the carrier's reason when declined or when it refused to void the label; empty otherwise
 * @param requestedAt when the booking was decided on
 */
public record ReturnLabel(BookingKey key, int attempt, CarrierService service, Parcel parcel, Status status, Label label, Money price, String message,
                          Instant requestedAt) {

    /** Where a label booking stands. */
    public enum Status {
        /** Recorded and asked (or about to be); the carrier's answer is not known yet. */
        REQUESTED,
        /** The carrier issued the label. */
        BOOKED,
        /** The carrier refused; a new booking takes a new key. */
        DECLINED,
        /** The return was cancelled: voiding the booked label is recorded and asked (or about to be); no answer yet. */
        VOID_REQUESTED,
        /** The carrier voided the label: it will not be charged. */
        VOIDED,
        /** The carrier refused to void the label (the parcel was collected already). */
        VOID_DECLINED
    }

    public ReturnLabel {
        Checks.notNull(key, "key");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        Checks.notNull(service, "service");
        Checks.notNull(parcel, "parcel");
        Checks.notNull(status, "status");
        message = message == null ? "" : message;
        Checks.notNull(requestedAt, "requestedAt");
        boolean booked = status != Status.REQUESTED && status != Status.DECLINED;
        if (booked != (label != null) || booked != (price != null)) {
            throw new IllegalArgumentException("label and price of return label " + key + " must be given exactly when it is booked, status was "
                    + status + ", label " + label + ", price " + price);
        }
    }

    /**
     * A booking of attempt {@code attempt} of {@code parcel} with {@code service} for return {@code id}, decided on at
     * {@code now}.
     *
     * @throws IllegalArgumentException when a value is missing or {@code attempt} is below 1
     */
    public static ReturnLabel requested(ReturnId id, int attempt, CarrierService service, Parcel parcel, Instant now) {
        Checks.notNull(id, "id");
        return new ReturnLabel(BookingKey.of(id.value() + "/return-label-" + attempt), attempt, service, parcel, Status.REQUESTED, null,
                null, "", now);
    }

    /** This booking with the carrier's label. */
    public ReturnLabel booked(Label issued, Money charged) {
        return new ReturnLabel(key, attempt, service, parcel, Status.BOOKED, issued, charged, "", requestedAt);
    }

    /** This booking refused by the carrier for {@code reason}. */
    public ReturnLabel declined(String reason) {
        return new ReturnLabel(key, attempt, service, parcel, Status.DECLINED, null, null, reason, requestedAt);
    }

    /** This booked label about to be voided with the carrier. */
    public ReturnLabel voidRequested() {
        return inState(Status.VOID_REQUESTED, "");
    }

    /** This label voided by the carrier. */
    public ReturnLabel voided() {
        return inState(Status.VOIDED, "");
    }

    /** This label the carrier refused to void, for {@code reason}. */
    public ReturnLabel voidDeclined(String reason) {
        return inState(Status.VOID_DECLINED, reason);
    }

    private ReturnLabel inState(Status s, String why) {
        return new ReturnLabel(key, attempt, service, parcel, s, label, price, why, requestedAt);
    }

    /** The idempotency key of voiding this label with the carrier. */
    public BookingKey voidKey() {
        return BookingKey.of(key.value() + "/void");
    }

    /** Whether the carrier's answer is still to be had (ask again with {@link #key()}). */
    public boolean isPending() {
        return status == Status.REQUESTED;
    }

    /** Whether the label was issued. */
    public boolean isBooked() {
        return status == Status.BOOKED;
    }

    /** The parcel's tracking number once booked. */
    public Optional<String> trackingNumber() {
        return isBooked() ? Optional.of(label.trackingNumber()) : Optional.empty();
    }
}
