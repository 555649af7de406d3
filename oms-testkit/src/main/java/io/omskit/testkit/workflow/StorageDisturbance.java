package io.omskit.testkit.workflow;

import java.util.Map;

/**
 * What a {@link WorkflowFaultContract} subclass does to its storage while the workflow load runs (kill its
 * connections, fail a node over), begun by {@link WorkflowFaultContract#disturbStorage()} and ended by {@link #close()}.
 * The adapters must surface each disturbance as a retryable {@link io.omskit.core.spi.SpiException}.
 */
public interface StorageDisturbance extends AutoCloseable {

    /** Disturbs nothing. */
    static StorageDisturbance none() {
        return new StorageDisturbance() {
            @Override
            public Map<String, Long> figures() {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
    }

    /** What it did so far, counted by kind ({@code "backends killed" -> 412}), for the load's report; never null. */
    Map<String, Long> figures();

    /**
     * Stops disturbing. When it returns, the storage is left alone and works as before: connections it broke are
     * no longer handed out.
     *
     * @throws IllegalStateException when the disturbance itself failed (it may have disturbed less than it said)
     */
    @Override
    void close();
}
