package io.omskit.core.spi;

import io.omskit.core.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of messages sent to customers, which makes them exactly once: a message is claimed (under its idempotency
 * key) before it is sent and marked sent after. Thread-safe; shared by every node that sends.
 *
 * <p>Contract:
 * <ol>
 * <li>The first claim of a key writes the message, unsent, with one attempt: {@link NotificationClaim#CLAIMED}.</li>
 * <li>A claim of a key claimed less than {@code lease} ago and unsent writes nothing: {@link NotificationClaim#IN_FLIGHT}.
 *     One claimed at least {@code lease} ago and unsent is taken over: its claim time becomes {@code now}, its attempts
 *     grow by one, {@link NotificationClaim#TAKEN_OVER}. Of concurrent claims of one key exactly one claims or takes
 *     over.</li>
 * <li>A claim of a key marked sent writes nothing: {@link NotificationClaim#SENT}.</li>
 * <li>A claim of a new key whose sequence is lower than that of a message already claimed for the same order and
 *     stream ({@link NotificationSubject#stream()}) writes nothing: {@link NotificationClaim#SUPERSEDED}. An equal
 *     sequence (the same change on another channel) is not superseded.</li>
 * <li>The message read back equals the one claimed.</li>
 * <li>The messages of one order are listed, oldest claim first (then by key).</li>
 * </ol>
 */
public interface NotificationLog {

    /**
     * Claims {@code notification} for sending, by its idempotency key.
     *
     * @param sequence its place in its order's stream: the order's version for a status, the event time in
     *                 milliseconds for a tracking milestone
     * @param lease    how long a claim keeps others from sending the message: positive
     * @return whether the caller sends it now, and why not otherwise
     * @throws SpiException on infrastructure failure; nothing was written
     */
    NotificationClaim claim(Notification notification, long sequence, Instant now, Duration lease);

    /**
     * Marks the message sent; marking it again changes nothing.
     *
     * @throws IllegalArgumentException when no message has that key
     * @throws SpiException on infrastructure failure; nothing was written
     */
    void markSent(String idempotencyKey, Instant now);

    /** The message with that key; empty when none was claimed. */
    Optional<LoggedNotification> find(String idempotencyKey);

    /**
     * Messages claimed at or before {@code claimedBefore} and never marked sent, with fewer than {@code maxAttempts}
     * attempts, oldest claim first (then by key), at most {@code limit}: what a sweep sends again.
     */
    List<LoggedNotification> unsent(Instant claimedBefore, int maxAttempts, int limit);

    /**
     * Every message claimed about {@code orderId}, sent or not, oldest claim first (then by key): what was told to the
     * customer, for the order's timeline.
     *
     * @throws SpiException on infrastructure failure
     */
    List<LoggedNotification> forOrder(OrderId orderId);
}
