package io.omskit.returns.spi;

import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where returns are stored. Thread-safe. The contract (checked clause by clause by the TCK in {@code oms-testkit}):
 * <ol>
 * <li>A saved return is found by its id exactly as saved.</li>
 * <li>Version 1 of a return is saved only when no return has its id; a later version only when the stored version is
 *     one lower (optimistic concurrency); otherwise {@link SaveOutcome#VERSION_CONFLICT} and nothing changes.</li>
 * <li>{@link #findByOrder} lists every return of an order, in the order they were opened.</li>
 * <li>{@link #countByCustomerSince} counts the returns of a customer opened at or after an instant, whatever their
 *     status.</li>
 * <li>{@link #findWithOpenRefund} lists the returns whose last saved version has a refund requested and not answered,
 *     oldest opened first, at most the limit, and no other.</li>
 * <li>{@link #findWithOpenLabel} lists the returns whose last saved version has its label open
 *     ({@link Return#labelOpen()}), oldest opened first, at most the limit, and no other.</li>
 * <li>A repository that stores events ({@link #storesEvents()}) stores those of a saved change and none of a change
 *     that was not saved.</li>
 * </ol>
 */
public interface ReturnRepository {

    /**
     * The return with {@code id}.
     *
     * @throws io.omskit.core.spi.SpiException on infrastructure failure
     */
    Optional<Return> find(ReturnId id);

    /**
     * Every return of {@code order}, oldest first.
     *
     * @throws io.omskit.core.spi.SpiException on infrastructure failure
     */
    List<Return> findByOrder(OrderId order);

    /**
     * How many returns {@code customer} opened at or after {@code since}.
     *
     * @throws io.omskit.core.spi.SpiException on infrastructure failure
     */
    int countByCustomerSince(CustomerRef customer, Instant since);

    /**
     * The ids of up to {@code limit} returns with a refund requested and not yet answered
     * ({@link Return#openRefund()}), oldest opened first: what a reconciliation sweep asks the provider about again.
     *
     * @param limit at least 1
     * @throws io.omskit.core.spi.SpiException on infrastructure failure
     */
    List<ReturnId> findWithOpenRefund(int limit);

    /**
     * The ids of up to {@code limit} returns whose label waits for the carrier ({@link Return#labelOpen()}), oldest
     * opened first: what the label reconciliation sweep asks the carriers about again.
     *
     * @param limit at least 1
     * @throws io.omskit.core.spi.SpiException on infrastructure failure
     */
    List<ReturnId> findWithOpenLabel(int limit);

    /**
     * Saves {@code ret} against the version before it, with the events of the change that produced it.
     *
     * @return saved, or a version conflict (nothing saved)
     * @throws io.omskit.core.spi.SpiException on infrastructure failure; nothing was saved
     */
    SaveOutcome save(Return ret, List<ReturnEvent> events);

    /** Whether {@link #save} stores the events for publication (an outbox); the in-memory adapter does not. */
    default boolean storesEvents() {
        return false;
    }
}
