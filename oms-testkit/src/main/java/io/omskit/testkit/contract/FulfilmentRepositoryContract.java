package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Change;
import io.omskit.core.event.DomainEvent;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.fulfilment.FulfilmentLine;
import io.omskit.core.fulfilment.FulfilmentStatus;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Address;
import io.omskit.core.order.OrderId;
import io.omskit.core.shipping.BookingKey;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Label;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.ServiceLevel;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.shipping.TrackingStatus;
import java.time.LocalDate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import io.omskit.core.spi.FulfilmentRepository;
import io.omskit.core.spi.SaveOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link FulfilmentRepository}. Extend it with one factory method to check an adapter:
 * <pre>{@code
 * class MyFulfilmentRepositoryContractTest extends FulfilmentRepositoryContract {
 *     protected FulfilmentRepository newRepository() { return new MyFulfilmentRepository(dataSource); }
 * }
 * }</pre>
 * An adapter whose {@link FulfilmentRepository#storesEvents()} is true also overrides {@link #storedEvents}, so that
 * §9 can read what it stored. Each test's display name starts with the clause it checks. The fulfilments are built by
 * the aggregate's own commands.
 */
public abstract class FulfilmentRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration PICKUP_PERIOD = Duration.ofMinutes(30);
    private static final Sku MUG = Sku.of("MUG");
    private static final Sku TEE = Sku.of("TEE");
    private static final LineId LINE_1 = LineId.of("1");
    private static final LineId LINE_2 = LineId.of("2");
    private static int counter;

    /** A new, empty repository; called before each test. */
    protected abstract FulfilmentRepository newRepository();

    /** Releases what {@link #newRepository()} acquired; the default does nothing. */
    protected void close(FulfilmentRepository repository) {
    }

    /**
     * Every event {@link FulfilmentRepository#save(Fulfilment, List)} of {@code repository} stored for publication so
     * far, published or not, in the order stored. Called by §9 only when {@code repository} answers true to
     * {@link FulfilmentRepository#storesEvents()}; such an adapter must override it (the default throws
     * {@link UnsupportedOperationException}).
     */
    protected List<DomainEvent> storedEvents(FulfilmentRepository repository) {
        throw new UnsupportedOperationException(getClass().getName() + " must override storedEvents(repository): its"
                + " repository stores events (storesEvents() is true), and FulfilmentRepository §9 reads them back");
    }

    /** The repository under test, new for each test. */
    protected FulfilmentRepository repository;
    /** Starts the ids of this test's fulfilments, so that their names decide how they sort among themselves. */
    private String idPrefix;

    @BeforeEach
    void createRepository() {
        repository = newRepository();
        idPrefix = unique("ful");
    }

    @AfterEach
    void closeRepository() {
        close(repository);
    }

    /** A text no other test uses, starting with {@code prefix}. */
    private static synchronized String unique(String prefix) {
        counter++;
        return prefix + "-" + System.nanoTime() + "-" + counter;
    }

    /** A new order id. */
    protected static OrderId newOrderId() {
        return OrderId.of(unique("order"));
    }

    /** A new location id (a location per test keeps the work queues of different tests apart). */
    protected static LocationId newLocation(String kind) {
        return LocationId.of(unique(kind));
    }

    /** The id of this test's fulfilment {@code name}; ids of one test sort as their names do. */
    protected FulfilmentId id(String name) {
        return FulfilmentId.of(idPrefix + "-" + name);
    }

    /**
     * Fulfilment {@code name} of this test, just offered (version 1) at {@code createdAt}, of two lines (2 mugs, 3 tees);
     * a collected kind is collected at {@code pickupStore} (ignored for a delivery).
     */
    protected Change<Fulfilment, FulfilmentEvent> offer(String name, OrderId order, FulfilmentKind kind, LocationId location,
                                                        LocationId pickupStore, Instant createdAt) {
        return offer(id(name), order, kind, location, pickupStore, createdAt, 2, 3);
    }

    private static Change<Fulfilment, FulfilmentEvent> offer(FulfilmentId id, OrderId order, FulfilmentKind kind,
                                                             LocationId location, LocationId pickupStore, Instant createdAt,
                                                             int mugs, int tees) {
        return Fulfilment.offer(id, order, kind, location, pickupStore, AllocationKey.of("alloc-" + id.value()),
                List.of(FulfilmentLine.of(LINE_1, MUG, mugs), FulfilmentLine.of(LINE_2, TEE, tees)),
                kind.isCollected() ? "code-" + id.value().hashCode() : null, createdAt);
    }

    /** Saves {@code fulfilment}, which must be {@link SaveOutcome#SAVED}, and returns it. */
    private Fulfilment stored(Fulfilment fulfilment) {
        assertThat(repository.save(fulfilment)).as("saving %s version %d", fulfilment.id(), fulfilment.version())
                .isEqualTo(SaveOutcome.SAVED);
        return fulfilment;
    }

    /**
     * Fulfilment {@code name}: collected in {@code store}, stored and walked to ready for collection by a pack at
     * {@code packedAt}, so that it must be collected by {@code packedAt + pickupPeriod}.
     */
    private Fulfilment readyForCollection(String name, LocationId store, Instant packedAt, Duration pickupPeriod) {
        Fulfilment f = stored(offer(name, newOrderId(), FulfilmentKind.COLLECT_IN_STORE, store, store, T0).state());
        return walk(f, x -> x.accept(T0), x -> x.startPicking(T0), x -> x.pack(pickupPeriod, packedAt));
    }

    /** Applies {@code commands} to {@code f} one after another, saving each version; returns the last. */
    @SafeVarargs
    private Fulfilment walk(Fulfilment f, Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>>... commands) {
        Fulfilment current = f;
        for (Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>> command : commands) {
            current = stored(command.apply(current).state());
        }
        return current;
    }

    @Test
    @DisplayName("FulfilmentRepository §1: a new fulfilment (version 1) is stored and found as saved, every field included")
    void stores_new_fulfilment() {
        LocationId store = newLocation("ST");
        Instant odd = T0.plusNanos(123_456_789);
        Fulfilment collected = offer("collected", newOrderId(), FulfilmentKind.COLLECT_IN_STORE, store, store, odd).state()
                .withCommandKey("open/1");
        Fulfilment delivered = offer("delivered", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, newLocation("WH"), store, T0)
                .state();

        assertThat(repository.save(collected)).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.save(delivered)).isEqualTo(SaveOutcome.SAVED);

        assertThat(repository.find(collected.id())).contains(collected);
        Fulfilment found = repository.find(collected.id()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(odd);
        assertThat(found.history()).isEqualTo(collected.history()).hasSize(1);
        assertThat(found.commandKeys()).containsExactly("open/1");
        assertThat(found.pickupCode()).isEqualTo(collected.pickupCode()).isNotBlank();
        assertThat(repository.find(delivered.id())).contains(delivered);
        assertThat(repository.find(delivered.id()).orElseThrow().pickupStore()).isNull();
        assertThat(repository.find(id("never-saved"))).isEmpty();
    }

    @Test
    @DisplayName("FulfilmentRepository §2: a second new fulfilment with the same id is a conflict and changes nothing")
    void refuses_second_insert_of_same_id() {
        LocationId warehouse = newLocation("WH");
        LocationId elsewhere = newLocation("WH");
        Fulfilment first = stored(offer("first", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null, T0).state());
        Fulfilment same = offer(first.id(), newOrderId(), FulfilmentKind.DROP_SHIP, elsewhere, null, T0.plusSeconds(1), 5, 5)
                .state();

        assertThat(repository.save(same)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.save(first)).isEqualTo(SaveOutcome.VERSION_CONFLICT);

        assertThat(repository.find(first.id())).contains(first);
        assertThat(repository.forOrder(first.orderId())).containsExactly(first);
        assertThat(repository.forOrder(same.orderId())).isEmpty();
        assertThat(repository.atLocation(elsewhere, FulfilmentStatus.OFFERED, 10)).isEmpty();

        Fulfilment accepted = walk(first, f -> f.accept(T0.plusSeconds(2)));
        assertThat(repository.save(same)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.find(first.id())).contains(accepted);
        assertThat(repository.forOrder(first.orderId())).containsExactly(accepted);
    }

    @Test
    @DisplayName("FulfilmentRepository §3: version n replaces version n-1 only (never skipping one, never an unknown"
            + " fulfilment), and every field survives each round trip")
    void saves_next_version_only() {
        LocationId warehouse = newLocation("WH");
        LocationId store = newLocation("ST");
        List<Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>>> steps = List.of(
                x -> x.accept(T0.plusSeconds(1)),
                x -> x.reject(List.of(LineQuantity.of(LINE_1, 1)), "one mug broken", T0.plusSeconds(2)),
                x -> x.startPicking(T0.plusSeconds(3)),
                x -> x.cancel(List.of(LineQuantity.of(LINE_2, 1)), CancellationReason.CUSTOMER_REQUEST, T0.plusSeconds(4)),
                x -> x.pack(PICKUP_PERIOD, T0.plusSeconds(5)),
                x -> x.ship(ShipmentDetails.of("S-1", "DHL", "JD0001"), List.of(), T0.plusSeconds(6)),
                x -> x.arrive(PICKUP_PERIOD, T0.plusMillis(7_250)),
                x -> x.collect(store, x.pickupCode(), T0.plusSeconds(8)));
        List<Fulfilment> versions = new ArrayList<>();
        versions.add(offer("transfer", newOrderId(), FulfilmentKind.SHIP_TO_STORE, warehouse, store, T0).state());
        for (int i = 0; i < steps.size(); i++) {
            versions.add(steps.get(i).apply(versions.get(i)).state().withCommandKey("step/" + i));
        }
        stored(versions.get(0));

        for (int n = 1; n < versions.size(); n++) {
            Fulfilment next = versions.get(n);
            if (n + 1 < versions.size()) {
                assertThat(repository.save(versions.get(n + 1))).as("version %d while %d is stored", n + 2, n)
                        .isEqualTo(SaveOutcome.VERSION_CONFLICT);
            }
            assertThat(repository.save(next)).as("saving version %d", next.version()).isEqualTo(SaveOutcome.SAVED);
            assertThat(repository.find(next.id())).as("version %d as found", next.version()).contains(next);
        }

        Fulfilment last = versions.get(versions.size() - 1);
        Fulfilment found = repository.find(last.id()).orElseThrow();
        assertThat(found.version()).isEqualTo(steps.size() + 1);
        assertThat(found.status()).isEqualTo(FulfilmentStatus.COLLECTED);
        assertThat(found.lines()).containsExactly(new FulfilmentLine(LINE_1, MUG, 1, 1, 0), new FulfilmentLine(LINE_2, TEE, 2, 0, 1));
        assertThat(found.shipment()).isEqualTo(ShipmentDetails.of("S-1", "DHL", "JD0001"));
        assertThat(found.collectBy()).isEqualTo(T0.plusMillis(7_250).plus(PICKUP_PERIOD));
        assertThat(found.commandKeys()).hasSize(steps.size());
        assertThat(found.history()).isEqualTo(last.history()).hasSize(steps.size() + 1);
        assertThat(repository.forOrder(last.orderId())).containsExactly(last);

        Fulfilment neverStored = offer("never-stored", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null, T0)
                .state().accept(T0).state();
        assertThat(repository.save(neverStored)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.find(neverStored.id())).isEmpty();
        assertThat(repository.forOrder(neverStored.orderId())).isEmpty();
    }

    @Test
    @DisplayName("FulfilmentRepository §4: saving against a stale version is a conflict and leaves the stored fulfilment unchanged")
    void refuses_stale_version() {
        LocationId warehouse = newLocation("WH");
        Fulfilment v1 = stored(offer("f", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null, T0).state());
        Fulfilment v2a = v1.accept(T0.plusSeconds(1)).state();
        Fulfilment v2b = v1.reject(List.of(LineQuantity.of(LINE_1, 2), LineQuantity.of(LINE_2, 3)), "closed",
                T0.plusSeconds(1)).state();
        stored(v2a);

        assertThat(repository.save(v2b)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.save(v1)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        Fulfilment v3 = stored(v2a.startPicking(T0.plusSeconds(2)).state());
        assertThat(repository.save(v2a.cancel(null, CancellationReason.CUSTOMER_REQUEST, T0.plusSeconds(3)).state()))
                .isEqualTo(SaveOutcome.VERSION_CONFLICT);

        assertThat(repository.find(v1.id())).contains(v3);
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.PICKING, 10)).containsExactly(v3);
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.REJECTED, 10)).isEmpty();
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.CANCELLED, 10)).isEmpty();
    }

    @Test
    @DisplayName("FulfilmentRepository §5: forOrder lists an order's fulfilments (latest versions, any status) oldest first,"
            + " then by id, only that order's, none for an unknown order")
    void lists_fulfilments_of_an_order() {
        OrderId order = newOrderId();
        OrderId other = newOrderId();
        LocationId warehouse = newLocation("WH");
        LocationId store = newLocation("ST");
        Fulfilment newest = stored(offer("a-newest", order, FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null,
                T0.plusSeconds(20)).state());
        Fulfilment tiedB = stored(offer("tied-b", order, FulfilmentKind.COLLECT_IN_STORE, store, store, T0.plusSeconds(10))
                .state());
        Fulfilment tiedA = stored(offer("tied-a", order, FulfilmentKind.SHIP_TO_STORE, warehouse, store, T0.plusSeconds(10))
                .state());
        Fulfilment oldest = stored(offer("z-oldest", order, FulfilmentKind.DROP_SHIP, newLocation("DS"), null, T0).state());
        Fulfilment notOurs = stored(offer("another-order", other, FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null,
                T0.minusSeconds(5)).state());

        assertThat(repository.forOrder(order)).containsExactly(oldest, tiedA, tiedB, newest);

        Fulfilment rejected = walk(tiedA, f -> f.reject(List.of(LineQuantity.of(LINE_1, 2), LineQuantity.of(LINE_2, 3)),
                "no stock", T0.plusSeconds(30)));
        Fulfilment accepted = walk(newest, f -> f.accept(T0.plusSeconds(31)));

        assertThat(repository.forOrder(order)).containsExactly(oldest, rejected, tiedB, accepted);
        assertThat(repository.forOrder(other)).containsExactly(notOurs);
        assertThat(repository.forOrder(newOrderId())).isEmpty();
    }

    @Test
    @DisplayName("FulfilmentRepository §6: atLocation lists a location's fulfilments in one status, oldest first, then by id,"
            + " at most the limit")
    void lists_work_queue_of_a_location() {
        LocationId warehouse = newLocation("WH");
        LocationId store = newLocation("ST");
        Fulfilment third = accepted("a-third", warehouse, store, FulfilmentKind.SHIP_TO_STORE, T0.plusSeconds(3));
        Fulfilment first = accepted("z-first", warehouse, null, FulfilmentKind.SHIP_TO_CUSTOMER, T0.plusSeconds(1));
        Fulfilment secondB = accepted("second-b", warehouse, null, FulfilmentKind.SHIP_TO_CUSTOMER, T0.plusSeconds(2));
        Fulfilment secondA = accepted("second-a", warehouse, null, FulfilmentKind.DROP_SHIP, T0.plusSeconds(2));
        Fulfilment offered = stored(offer("offered", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null, T0).state());
        Fulfilment atStore = accepted("at-store", store, store, FulfilmentKind.COLLECT_IN_STORE, T0);

        assertThat(repository.atLocation(warehouse, FulfilmentStatus.ACCEPTED, 10)).containsExactly(first, secondA, secondB, third);
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.ACCEPTED, 2)).containsExactly(first, secondA);
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.ACCEPTED, 1)).containsExactly(first);
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.OFFERED, 10)).containsExactly(offered);
        assertThat(repository.atLocation(store, FulfilmentStatus.ACCEPTED, 10))
                .as("a transfer is worked where it is picked, not at its pickup store").containsExactly(atStore);
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.PICKING, 10)).isEmpty();

        Fulfilment picking = walk(secondA, f -> f.startPicking(T0.plusSeconds(10)));

        assertThat(repository.atLocation(warehouse, FulfilmentStatus.ACCEPTED, 10)).containsExactly(first, secondB, third);
        assertThat(repository.atLocation(warehouse, FulfilmentStatus.PICKING, 10)).containsExactly(picking);
        assertThat(repository.atLocation(newLocation("WH"), FulfilmentStatus.ACCEPTED, 10)).isEmpty();
    }

    /** Fulfilment {@code name} of a new order, offered at {@code createdAt} and accepted, stored. */
    private Fulfilment accepted(String name, LocationId location, LocationId pickupStore, FulfilmentKind kind, Instant createdAt) {
        Fulfilment f = stored(offer(name, newOrderId(), kind, location, pickupStore, createdAt).state());
        return walk(f, x -> x.accept(createdAt.plusMillis(1)));
    }

    @Test
    @DisplayName("FulfilmentRepository §7: dueForExpiry lists only fulfilments ready for collection whose collectBy <= now,"
            + " earliest collectBy first, then by id, at most the limit")
    void lists_fulfilments_due_for_expiry() {
        LocationId store = newLocation("ST");
        LocationId warehouse = newLocation("WH");
        Instant now = T0.plus(Duration.ofHours(1));
        Fulfilment byHalfPast = readyForCollection("a-half-past", store, T0, Duration.ofMinutes(30));
        Fulfilment byQuarterB = readyForCollection("quarter-b", store, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
        Fulfilment byQuarterA = readyForCollection("quarter-a", store, T0.plus(Duration.ofMinutes(5)), Duration.ofMinutes(10));
        Fulfilment byNow = readyForCollection("by-now", store, T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30));
        Fulfilment notYet = readyForCollection("not-yet", store, T0.plus(Duration.ofMinutes(30)),
                Duration.ofMinutes(30).plusNanos(1_000));
        Fulfilment transfer = walk(stored(offer("transfer", newOrderId(), FulfilmentKind.SHIP_TO_STORE, warehouse, store, T0)
                        .state()),
                x -> x.accept(T0), x -> x.startPicking(T0), x -> x.pack(null, T0),
                x -> x.ship(ShipmentDetails.of("S-2", "UPS", ""), null, T0), x -> x.arrive(Duration.ofMinutes(20), T0));
        walk(readyForCollection("collected", store, T0, Duration.ofMinutes(1)),
                f -> f.collect(store, f.pickupCode(), T0.plusSeconds(30)));
        walk(readyForCollection("expired", store, T0, Duration.ofMinutes(1)), f -> f.expire(T0.plus(Duration.ofMinutes(2))));
        walk(readyForCollection("cancelled", store, T0, Duration.ofMinutes(1)),
                f -> f.cancel(null, CancellationReason.CUSTOMER_REQUEST, T0.plusSeconds(10)));
        walk(stored(offer("ready-to-ship", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null, T0).state()),
                x -> x.accept(T0), x -> x.startPicking(T0), x -> x.pack(null, T0));

        assertThat(repository.dueForExpiry(now, 10)).containsExactly(byQuarterA, byQuarterB, transfer, byHalfPast, byNow);
        assertThat(repository.dueForExpiry(now, 3)).containsExactly(byQuarterA, byQuarterB, transfer);
        assertThat(repository.dueForExpiry(T0.plus(Duration.ofMinutes(15)), 10)).containsExactly(byQuarterA, byQuarterB);
        assertThat(repository.dueForExpiry(T0.plus(Duration.ofMinutes(15)).minusNanos(1_000), 10)).isEmpty();
        assertThat(repository.dueForExpiry(now.plusNanos(1_000), 10)).endsWith(byNow, notYet);
    }

    @Test
    @DisplayName("FulfilmentRepository §8: of concurrent writers of the same version exactly one wins, and its fulfilment is"
            + " the one stored (real threads)")
    void one_writer_wins_per_version() throws Exception {
        int threads = 8;
        LocationId warehouse = newLocation("WH");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 10; round++) {
                FulfilmentId id = id("race-" + round);
                OrderId order = newOrderId();
                List<Fulfilment> inserts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    inserts.add(offer(id, order, FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null, T0.plusSeconds(t), 50 + t, 50)
                            .state());
                }
                Fulfilment base = race(pool, inserts, "insert of round " + round);
                for (int version = 2; version <= 6; version++) {
                    Instant at = T0.plusSeconds(version);
                    List<Fulfilment> candidates = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        Change<Fulfilment, FulfilmentEvent> change = t % 2 == 0
                                ? base.cancel(List.of(LineQuantity.of(LINE_1, 1 + t % 3)), CancellationReason.CUSTOMER_REQUEST, at)
                                : base.reject(List.of(LineQuantity.of(LINE_2, 1 + t % 3)), "writer " + t, at);
                        candidates.add(change.state().withCommandKey("writer/" + t));
                    }
                    base = race(pool, candidates, "version " + version + " of round " + round);
                    assertThat(base.version()).isEqualTo(version);
                }
                assertThat(repository.forOrder(order)).containsExactly(base);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Saves every candidate on a thread of its own, all released at once; exactly one must win. Returns the winner. */
    private Fulfilment race(ExecutorService pool, List<Fulfilment> candidates, String what) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SaveOutcome>> results = new ArrayList<>();
        for (Fulfilment candidate : candidates) {
            Callable<SaveOutcome> task = () -> {
                start.await();
                return repository.save(candidate);
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        List<Fulfilment> winners = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SaveOutcome outcome = results.get(i).get(30, TimeUnit.SECONDS);
            assertThat(outcome).as("writer %d of the %s", i, what).isIn(SaveOutcome.SAVED, SaveOutcome.VERSION_CONFLICT);
            if (outcome == SaveOutcome.SAVED) {
                winners.add(candidates.get(i));
            }
        }
        assertThat(winners).as("writers that won the %s", what).hasSize(1);
        Fulfilment winner = winners.get(0);
        assertThat(repository.find(winner.id())).as("stored after the %s", what).contains(winner);
        return winner;
    }

    @Test
    @DisplayName("FulfilmentRepository §9: a repository that stores events stores those handed to save(fulfilment, events)"
            + " if and only if the fulfilment was saved")
    void stores_events_if_and_only_if_saved() throws Exception {
        Assumptions.assumeTrue(repository.storesEvents(), "the repository does not store events (storesEvents() is false)");
        LocationId warehouse = newLocation("WH");
        Change<Fulfilment, FulfilmentEvent> offered = offer("f", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, warehouse, null, T0);
        FulfilmentId id = offered.state().id();
        List<DomainEvent> expected = new ArrayList<>(offered.events());

        assertThat(repository.save(offered.state(), offered.events())).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.find(id)).contains(offered.state());
        assertThat(eventsOf(id)).containsExactlyElementsOf(expected);

        Change<Fulfilment, FulfilmentEvent> sameId = offer(id, newOrderId(), FulfilmentKind.DROP_SHIP, warehouse, null, T0, 1, 1);
        assertThat(repository.save(sameId.state(), sameId.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        Change<Fulfilment, FulfilmentEvent> accepted = offered.state().accept(T0.plusSeconds(1));
        Change<Fulfilment, FulfilmentEvent> skipping = accepted.state().startPicking(T0.plusSeconds(2));
        assertThat(repository.save(skipping.state(), skipping.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(eventsOf(id)).as("after two conflicts").containsExactlyElementsOf(expected);

        assertThat(repository.save(accepted.state(), accepted.events())).isEqualTo(SaveOutcome.SAVED);
        expected.addAll(accepted.events());
        Change<Fulfilment, FulfilmentEvent> stale = offered.state().reject(List.of(LineQuantity.of(LINE_1, 1)), "late",
                T0.plusSeconds(1));
        assertThat(repository.save(stale.state(), stale.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(eventsOf(id)).as("after a stale save").containsExactlyElementsOf(expected);

        Fulfilment quiet = accepted.state().startPicking(T0.plusSeconds(3)).state();
        assertThat(repository.save(quiet, List.of())).isEqualTo(SaveOutcome.SAVED);
        assertThat(repository.find(id)).contains(quiet);
        assertThat(eventsOf(id)).as("no events handed over, none stored").containsExactlyElementsOf(expected);

        Change<Fulfilment, FulfilmentEvent> unknown = offer("unknown", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, warehouse,
                null, T0).state().accept(T0);
        assertThat(repository.save(unknown.state(), unknown.events())).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(eventsOf(unknown.state().id())).isEmpty();

        int threads = 8;
        List<Change<Fulfilment, FulfilmentEvent>> racers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            racers.add(quiet.cancel(List.of(LineQuantity.of(LINE_2, 1)), CancellationReason.CUSTOMER_REQUEST, T0.plusSeconds(4 + t)));
        }
        List<SaveOutcome> outcomes = new CopyOnWriteArrayList<>();
        Together.run(threads, t -> outcomes.add(repository.save(racers.get(t).state(), racers.get(t).events())));
        assertThat(outcomes).filteredOn(o -> o == SaveOutcome.SAVED).hasSize(1);
        Fulfilment winner = repository.find(id).orElseThrow();
        Change<Fulfilment, FulfilmentEvent> won = racers.stream().filter(c -> c.state().equals(winner)).findFirst().orElseThrow();
        expected.addAll(won.events());
        assertThat(eventsOf(id)).as("of racing writers, only the winner's events").containsExactlyElementsOf(expected);
    }

    /** The events stored for fulfilment {@code id}, in the order stored. */
    private List<DomainEvent> eventsOf(FulfilmentId id) {
        List<DomainEvent> of = new ArrayList<>();
        for (DomainEvent e : storedEvents(repository)) {
            if (e instanceof FulfilmentEvent && e.aggregateId().equals(id.value())) {
                of.add(e);
            }
        }
        return of;
    }

    private static final Address BERLIN = new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null);

    /** Fulfilment {@code name}: packed at a new warehouse and booked with {@code carrier} under {@code trackingNumber} at {@code bookedAt}. */
    private Fulfilment bookedParcel(String name, String carrier, String trackingNumber, Instant bookedAt) {
        Fulfilment f = stored(offer(name, newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, newLocation("WH"), null, T0).state());
        CarrierService service = CarrierService.of(carrier, "PAKET", ServiceLevel.STANDARD);
        return walk(f, x -> x.accept(T0), x -> x.startPicking(T0), x -> x.pack(PICKUP_PERIOD, T0),
                x -> x.requestBooking(BookingKey.of(x.id().value() + "/label-1"), service, Parcel.of(900, 200, 150, 100),
                        BERLIN, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 3), bookedAt),
                x -> x.recordBooked(new Label(x.id().value() + "-ref", trackingNumber, "application/pdf",
                        new byte[] {37, 80, 68, 70}, null), Money.of(CurrencyUnit.EUR, 4.10), bookedAt));
    }

    @Test
    @DisplayName("FulfilmentRepository §10: a fulfilment's booking and its tracking reports are stored and found as saved")
    void stores_booking_and_tracking() {
        Fulfilment booked = bookedParcel("booked", "DHL", "00340434161094042557", T0.plusSeconds(60));
        Fulfilment tracked = walk(booked, x -> x.track(TrackingEvent.of("DHL", "00340434161094042557",
                TrackingStatus.IN_TRANSIT, "Sendung wurde abgeholt", T0.plusSeconds(7200))
                .withEstimatedDelivery(LocalDate.of(2026, 3, 5)), T0.plusSeconds(7300)));

        Fulfilment found = repository.find(tracked.id()).orElseThrow();

        assertThat(found).isEqualTo(tracked);
        assertThat(found.booking().label().document()).containsExactly(37, 80, 68, 70);
        assertThat(found.booking().tracking().expectedDelivery()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(found.booking().tracking().reports()).hasSize(1);
    }

    @Test
    @DisplayName("FulfilmentRepository §11: withTrackingNumber finds the fulfilments booked with a carrier and number (recycled"
            + " numbers: several), most recently booked first; another carrier's same number is not a match")
    void finds_by_tracking_number() {
        String number = unique("TN");
        Fulfilment older = bookedParcel("older", "DHL", number, T0.plusSeconds(10));
        Fulfilment newer = bookedParcel("newer", "DHL", number, T0.plusSeconds(86_400 * 200L));
        Fulfilment otherCarrier = bookedParcel("other", "UPS", number, T0.plusSeconds(20));
        stored(offer("unbooked", newOrderId(), FulfilmentKind.SHIP_TO_CUSTOMER, newLocation("WH"), null, T0).state());

        assertThat(repository.withTrackingNumber("DHL", number)).containsExactly(newer, older);
        assertThat(repository.withTrackingNumber("UPS", number)).containsExactly(otherCarrier);
        assertThat(repository.withTrackingNumber("GLS", number)).isEmpty();
        assertThat(repository.withTrackingNumber("DHL", unique("TN"))).isEmpty();
    }
}
