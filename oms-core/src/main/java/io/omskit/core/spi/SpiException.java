package io.omskit.core.spi;

import org.jspecify.annotations.Nullable;

/**
 * An adapter could not do its work because of an infrastructure failure (database down, network error,
 * timeout). The operation may be retried; the adapter guarantees it left nothing half-done.
 */
public class SpiException extends RuntimeException {

    /** Whether retrying the same call may succeed. */
    private final boolean retryable;

    public SpiException(String message, @Nullable Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public SpiException(String message, @Nullable Throwable cause) {
        this(message, cause, true);
    }

    /** Whether retrying the same call may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
