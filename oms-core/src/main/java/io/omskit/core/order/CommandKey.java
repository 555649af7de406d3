package io.omskit.core.order;

import io.omskit.core.common.Checks;

/**
 * The idempotency key of a command applied to an order (a shipment's reference, a cancellation's key, a payment
 * call's key), kept on the order so that a retry of the same command is recognised and not applied twice.
 *
 * @param command the command it keyed
 * @param key     the caller's or the workflow's key, unique per command and order; at most {@value #MAX_LENGTH} characters
 */
public record CommandKey(OrderCommand command, String key) {

    public CommandKey {
        Checks.notNull(command, "command");
        Checks.notBlank(key, "key");
        Checks.maxLength(key, MAX_LENGTH, "key");
    }

    /** The longest key. */
    public static final int MAX_LENGTH = 300;

    /** The key of {@code command}. */
    public static CommandKey of(OrderCommand command, String key) {
        return new CommandKey(command, key);
    }
}
