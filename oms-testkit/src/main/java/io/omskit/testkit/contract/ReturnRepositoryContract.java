package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.Change;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CustomerRef;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Refund;
import io.omskit.returns.rma.RefundStatus;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnId;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.spi.ReturnRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReturnRepository}. Extend it with one factory method to check an adapter:
 * <pre>{@code
 * class MyReturnRepositoryContractTest extends ReturnRepositoryContract {
 *     protected ReturnRepository newRepository() { return new MyReturnRepository(dataSource); }
 * }
 * }</pre>
 * An adapter whose {@link ReturnRepository#storesEvents()} is true also overrides {@link #storedEvents}, so that §6 can
 * read what it stored. Each test's display name starts with the clause of {@link ReturnRepository} it checks. The
 * returns are built by the aggregate's own commands.
 */
public abstract class ReturnRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final LineId L1 = LineId.of("1");
    private static final Sku SHIRT = Sku.of("SHIRT");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A new, empty repository; called before each test. */
    protected abstract ReturnRepository newRepository();

    /** Releases what {@link #newRepository()} acquired; the default does nothing. */
    protected void close(ReturnRepository repository) {
    }

    /**
     * Every event {@code repository} stored for publication so far, in the order stored. Called by §6 only when
     * {@code repository} answers true to {@link ReturnRepository#storesEvents()}; such an adapter must override it.
     */
    protected List<io.omskit.core.event.DomainEvent> storedEvents(ReturnRepository repository) {
        throw new UnsupportedOperationException(getClass().getName() + " must override storedEvents(repository): its"
                + " repository stores events (storesEvents() is true), and ReturnRepository §6 reads them back");
    }

    /** The repository under test, new for each test. */
    protected ReturnRepository repository;

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    @AfterEach
    void closeRepository() {
        close(repository);
    }

    private static Change<Return, ReturnEvent> opened(OrderId order, CustomerRef customer, Instant at) {
        return Return.authorise(ReturnId.of("tck-" + COUNTER.incrementAndGet() + "-" + System.identityHashCode(order)), order, customer,
                Channel.STORE, ReturnMethod.dropOff(LocationId.of("ST-1")), RefundTender.ORIGINAL_PAYMENT,
                List.of(ReturnLine.of(L1, SHIRT, 2, ReturnReason.DOES_NOT_FIT)), at);
    }

    private static OrderId newOrder() {
        return OrderId.of("tck-order-" + COUNTER.incrementAndGet() + "-" + System.nanoTime());
    }

    /** A return taken through receipt, inspection and a refund: every kind of value it holds. */
    private Return storedFullReturn() {
        Change<Return, ReturnEvent> c = opened(newOrder(), CustomerRef.of("c-1"), T0);
        assertThat(repository.save(c.state(), c.events())).isEqualTo(SaveOutcome.SAVED);
        Return r = c.state();
        for (java.util.function.Function<Return, Change<Return, ReturnEvent>> step : List.<java.util.function.Function<Return, Change<Return, ReturnEvent>>>of(
                x -> x.markInTransit("track-1", T0),
                x -> x.receive("scan-1", List.of(Arrival.of(SHIRT, 2), Arrival.of(Sku.of("SOCKS"), 1)), T0),
                x -> x.inspect("i-1", L1, Grade.GOOD, Disposition.RESTOCK, 2, T0),
                x -> x.requestRefund(new Refund("k-1", RefundTender.ORIGINAL_PAYMENT, List.of(new Refund.RefundedUnits(L1, 0, 2)),
                        Money.of(CurrencyUnit.EUR, 50), Money.of(CurrencyUnit.EUR, 4.95), Money.of(CurrencyUnit.EUR, 3.50),
                        Money.zero(CurrencyUnit.EUR), Money.of(CurrencyUnit.EUR, 51.45), RefundStatus.REQUESTED, "", "", T0), T0),
                x -> x.recordRefund("k-1", true, "ref-1", "", T0))) {
            Change<Return, ReturnEvent> next = step.apply(r);
            assertThat(repository.save(next.state().withPendingEvents(next.events()), next.events())).isEqualTo(SaveOutcome.SAVED);
            r = next.state().withPendingEvents(next.events());
        }
        return r;
    }

    @Test
    @DisplayName("ReturnRepository §1: a saved return is found exactly as saved, at every step of its life")
    void found_as_saved() {
        Change<Return, ReturnEvent> c = opened(newOrder(), CustomerRef.of("c-1"), T0);
        repository.save(c.state(), c.events());
        assertThat(repository.find(c.state().id())).contains(c.state());

        Return full = storedFullReturn();
        assertThat(repository.find(full.id())).contains(full);
        assertThat(repository.find(ReturnId.of("never-saved"))).isEmpty();
    }

    @Test
    @DisplayName("ReturnRepository §2: version 1 is saved once; a later version only on the one before, else a conflict that changes nothing")
    void optimistic_versions() {
        Change<Return, ReturnEvent> c = opened(newOrder(), CustomerRef.of("c-1"), T0);
        assertThat(repository.save(c.state(), c.events())).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.save(c.state(), c.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);

        Change<Return, ReturnEvent> v2 = c.state().markInTransit("t-1", T0);
        Change<Return, ReturnEvent> other = c.state().cancel("kept it", T0);
        assertThat(repository.save(v2.state(), v2.events())).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.save(other.state(), other.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        Change<Return, ReturnEvent> v4 = v2.state().receive("s", List.of(Arrival.of(SHIRT, 1)), T0).state()
                .inspect("i", L1, Grade.GOOD, Disposition.RESTOCK, 1, T0);
        assertThat(repository.save(v4.state(), v4.events())).as("skips version 3").isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.find(c.state().id())).contains(v2.state());
    }

    @Test
    @DisplayName("ReturnRepository §2: of two concurrent saves on the same version exactly one wins")
    void concurrent_saves() throws Exception {
        Change<Return, ReturnEvent> c = opened(newOrder(), CustomerRef.of("c-1"), T0);
        repository.save(c.state(), c.events());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<SaveOutcome> a = () -> {
                Change<Return, ReturnEvent> x = c.state().markInTransit("a", T0);
                return repository.save(x.state(), x.events());
            };
            Callable<SaveOutcome> b = () -> {
                Change<Return, ReturnEvent> x = c.state().cancel("b", T0);
                return repository.save(x.state(), x.events());
            };
            Future<SaveOutcome> fa = pool.submit(a);
            Future<SaveOutcome> fb = pool.submit(b);
            assertThat(List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(SaveOutcome.SAVED, SaveOutcome.VERSION_CONFLICT);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repository.find(c.state().id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("ReturnRepository §3: every return of an order is listed, oldest first, and none of another order")
    void by_order() {
        OrderId order = newOrder();
        Change<Return, ReturnEvent> first = opened(order, CustomerRef.of("c-1"), T0);
        Change<Return, ReturnEvent> second = opened(order, CustomerRef.of("c-1"), T0.plusSeconds(60));
        Change<Return, ReturnEvent> elsewhere = opened(newOrder(), CustomerRef.of("c-1"), T0);
        repository.save(first.state(), first.events());
        repository.save(elsewhere.state(), elsewhere.events());
        repository.save(second.state(), second.events());
        Change<Return, ReturnEvent> moved = first.state().markInTransit("t", T0);
        repository.save(moved.state(), moved.events());

        assertThat(repository.findByOrder(order)).containsExactly(moved.state(), second.state());
        assertThat(repository.findByOrder(newOrder())).isEmpty();
    }

    @Test
    @DisplayName("ReturnRepository §5: returns whose last version has a refund waiting for its answer are listed, oldest first, up to the limit")
    void open_refunds() {
        List<ReturnId> before = repository.findWithOpenRefund(100);
        Change<Return, ReturnEvent> older = opened(newOrder(), CustomerRef.of("c-1"), T0.minusSeconds(60));
        Change<Return, ReturnEvent> newer = opened(newOrder(), CustomerRef.of("c-1"), T0);
        Change<Return, ReturnEvent> none = opened(newOrder(), CustomerRef.of("c-1"), T0.minusSeconds(120));
        for (Change<Return, ReturnEvent> c : List.of(older, newer, none)) {
            repository.save(c.state(), c.events());
        }
        Money m = Money.of(CurrencyUnit.EUR, 10);
        Money zero = Money.zero(CurrencyUnit.EUR);
        java.util.function.Function<String, Refund> refund = key -> new Refund(key, RefundTender.ORIGINAL_PAYMENT,
                List.of(new Refund.RefundedUnits(L1, 0, 1)), m, zero, zero, zero, m, RefundStatus.REQUESTED, "", "", T0);
        Change<Return, ReturnEvent> newerOpen = newer.state().requestRefund(refund.apply("k-new"), T0);
        Change<Return, ReturnEvent> olderOpen = older.state().requestRefund(refund.apply("k-old"), T0);
        repository.save(newerOpen.state(), newerOpen.events());
        repository.save(olderOpen.state(), olderOpen.events());

        assertThat(repository.findWithOpenRefund(100)).containsSubsequence(older.state().id(), newer.state().id())
                .doesNotContain(none.state().id()).hasSize(before.size() + 2);
        assertThat(repository.findWithOpenRefund(1)).hasSize(1);

        Change<Return, ReturnEvent> answered = olderOpen.state().recordRefund("k-old", true, "ref", "", T0);
        repository.save(answered.state(), answered.events());
        assertThat(repository.findWithOpenRefund(100)).contains(newer.state().id()).doesNotContain(older.state().id());
    }

    @Test
    @DisplayName("ReturnRepository §6: a repository that stores events stores those of a saved change and none of a conflicting one")
    void stored_events() {
        org.junit.jupiter.api.Assumptions.assumeTrue(repository.storesEvents(), "the repository stores no events");
        Change<Return, ReturnEvent> c = opened(newOrder(), CustomerRef.of("c-1"), T0);
        repository.save(c.state(), c.events());
        Change<Return, ReturnEvent> moved = c.state().markInTransit("t", T0);
        Change<Return, ReturnEvent> lost = c.state().cancel("late", T0);
        repository.save(moved.state(), moved.events());
        assertThat(repository.save(lost.state(), lost.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);

        List<io.omskit.core.event.DomainEvent> stored = storedEvents(repository);
        assertThat(stored).containsSubsequence(c.events().get(0), moved.events().get(0)).doesNotContain(lost.events().get(0));
    }

    @Test
    @DisplayName("ReturnRepository §4: a customer's returns opened at or after an instant are counted, whatever their status")
    void count_by_customer() {
        CustomerRef customer = CustomerRef.of("tck-customer-" + COUNTER.incrementAndGet());
        Change<Return, ReturnEvent> old = opened(newOrder(), customer, T0.minus(Duration.ofDays(100)));
        Change<Return, ReturnEvent> recent = opened(newOrder(), customer, T0.minus(Duration.ofDays(10)));
        Change<Return, ReturnEvent> today = opened(newOrder(), customer, T0);
        Change<Return, ReturnEvent> someoneElse = opened(newOrder(), CustomerRef.of("tck-other-" + COUNTER.incrementAndGet()), T0);
        for (Change<Return, ReturnEvent> c : List.of(old, recent, today, someoneElse)) {
            repository.save(c.state(), c.events());
        }
        Change<Return, ReturnEvent> cancelled = today.state().cancel("kept it", T0);
        repository.save(cancelled.state(), cancelled.events());

        assertThat(repository.countByCustomerSince(customer, T0.minus(Duration.ofDays(30)))).isEqualTo(2);
        assertThat(repository.countByCustomerSince(customer, T0.minus(Duration.ofDays(10)))).as("at the instant counts").isEqualTo(2);
        assertThat(repository.countByCustomerSince(customer, T0.plusSeconds(1))).isZero();
    }

    @Test
    @DisplayName("ReturnRepository §7: returns whose last version has its label open (asked and not answered, or a cancelled"
            + " return's label not yet voided) are listed, oldest first, up to the limit")
    void open_labels() {
        List<ReturnId> before = repository.findWithOpenLabel(100);
        Change<Return, ReturnEvent> older = opened(newOrder(), CustomerRef.of("c-1"), T0.minusSeconds(60));
        Change<Return, ReturnEvent> newer = opened(newOrder(), CustomerRef.of("c-1"), T0);
        Change<Return, ReturnEvent> none = opened(newOrder(), CustomerRef.of("c-1"), T0.minusSeconds(120));
        for (Change<Return, ReturnEvent> c : List.of(older, newer, none)) {
            repository.save(c.state(), c.events());
        }
        io.omskit.core.shipping.CarrierService service = io.omskit.core.shipping.CarrierService.of("DHL", "PAKET",
                io.omskit.core.shipping.ServiceLevel.STANDARD);
        io.omskit.core.shipping.Parcel parcel = io.omskit.core.shipping.Parcel.of(400, 300, 200, 100);
        Change<Return, ReturnEvent> olderAsked = older.state().requestLabel(
                io.omskit.returns.rma.ReturnLabel.requested(older.state().id(), 1, service, parcel, T0), T0);
        Change<Return, ReturnEvent> newerAsked = newer.state().requestLabel(
                io.omskit.returns.rma.ReturnLabel.requested(newer.state().id(), 1, service, parcel, T0), T0);
        repository.save(newerAsked.state(), newerAsked.events());
        repository.save(olderAsked.state(), olderAsked.events());

        assertThat(repository.findWithOpenLabel(100)).containsSubsequence(older.state().id(), newer.state().id())
                .doesNotContain(none.state().id()).hasSize(before.size() + 2);
        assertThat(repository.findWithOpenLabel(1)).hasSize(1);

        io.omskit.core.shipping.Label label = new io.omskit.core.shipping.Label("bk-1", "TN-1", "application/pdf",
                new byte[] {1}, null);
        Change<Return, ReturnEvent> booked = olderAsked.state().recordLabel(
                olderAsked.state().label().booked(label, Money.of(CurrencyUnit.EUR, 4)), T0);
        repository.save(booked.state(), booked.events());
        assertThat(repository.findWithOpenLabel(100)).contains(newer.state().id()).doesNotContain(older.state().id());

        Change<Return, ReturnEvent> cancelled = booked.state().cancel("changed my mind", T0);
        repository.save(cancelled.state(), cancelled.events());
        assertThat(repository.findWithOpenLabel(100)).as("a cancelled return's live label").contains(older.state().id());

        Change<Return, ReturnEvent> voiding = cancelled.state().requestLabelVoid(T0);
        repository.save(voiding.state(), voiding.events());
        assertThat(repository.findWithOpenLabel(100)).contains(older.state().id());
        Change<Return, ReturnEvent> voided = voiding.state().recordLabelVoid(true, "", T0);
        repository.save(voided.state(), voided.events());
        assertThat(repository.findWithOpenLabel(100)).doesNotContain(older.state().id());
        assertThat(repository.find(older.state().id()).orElseThrow().label().status())
                .isEqualTo(io.omskit.returns.rma.ReturnLabel.Status.VOIDED);
    }
}
