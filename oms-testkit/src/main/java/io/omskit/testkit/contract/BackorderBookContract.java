package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.backorder.Backorder;
import io.omskit.core.backorder.BackorderFill;
import io.omskit.core.backorder.BackorderId;
import io.omskit.core.backorder.BackorderResult;
import io.omskit.core.backorder.SupplyKind;
import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.spi.BackorderBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BackorderBook}. Extend it with one factory method to check an adapter:
 * <pre>{@code
 * class MyBackorderBookContractTest extends BackorderBookContract {
 *     protected BackorderBook newBook() { return new MyBackorderBook(dataSource); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks. Every test uses SKUs and ids of its own, so a book shared
 * between tests (one database) is fine.
 */
public abstract class BackorderBookContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocationId WH = LocationId.of("WH-1");
    private static int counter;

    /** A book; called before each test. It may hold what earlier tests left. */
    protected abstract BackorderBook newBook();

    /** Releases what {@link #newBook()} acquired; the default does nothing. */
    protected void close(BackorderBook book) {
    }

    /** The book under test. */
    protected BackorderBook book;
    private String prefix;
    private Sku sku;

    @BeforeEach
    void createBook() {
        book = newBook();
        prefix = unique();
        sku = Sku.of("SKU-" + prefix);
    }

    @AfterEach
    void closeBook() {
        close(book);
    }

    private static synchronized String unique() {
        counter++;
        return System.nanoTime() + "-" + counter;
    }

    private Backorder candidate(String name, int quantity, int priority, Instant placedAt) {
        return new Backorder(BackorderId.of(prefix + "-" + name), OrderId.of("order-" + prefix + "-" + name),
                LineId.of("1"), sku, WH, quantity, 0, priority, placedAt, 0, SupplyKind.BACKORDER, null);
    }

    private BackorderResult place(Backorder candidate, long room) {
        Optional<BackorderResult> r = book.place(candidate, room, book.receipts(sku, WH));
        assertThat(r).as("placing with the receipts just read is answered").isPresent();
        return r.get();
    }

    private MovementKey receipt(String name) {
        return MovementKey.of("grn-" + prefix + "-" + name);
    }

    @Test
    @DisplayName("BackorderBook §1: units are placed while they fit the room, and refused beyond it with the room left")
    void places_within_room() {
        assertThat(place(candidate("a", 3, 0, T0), 5).isAccepted()).isTrue();

        BackorderResult refused = place(candidate("b", 3, 0, T0), 5);

        assertThat(refused.isAccepted()).isFalse();
        assertThat(((BackorderResult.Refused) refused).room()).isEqualTo(2);
        assertThat(book.find(BackorderId.of(prefix + "-b"))).isEmpty();
        assertThat(place(candidate("c", 2, 0, T0), 5).isAccepted()).isTrue();
        assertThat(book.waitingUnits(sku)).isEqualTo(5);
    }

    @Test
    @DisplayName("BackorderBook §1: a placing that read the receipts before a fill is not answered")
    void stale_receipts_are_not_answered() {
        long seen = book.receipts(sku, WH);
        place(candidate("a", 2, 0, T0), 10);
        book.fill(receipt("1"), sku, WH, 1);

        assertThat(book.receipts(sku, WH)).isEqualTo(seen + 1);
        assertThat(book.place(candidate("b", 1, 0, T0), 10, seen)).isEmpty();
        assertThat(book.find(BackorderId.of(prefix + "-b"))).isEmpty();
    }

    @Test
    @DisplayName("BackorderBook §2: placing an id again changes nothing and answers with the backorder as it is")
    void placing_is_idempotent() {
        Backorder first = ((BackorderResult.Accepted) place(candidate("a", 2, 1, T0), 10)).backorder();

        BackorderResult again = place(candidate("a", 2, 1, T0), 10);

        assertThat(again).isEqualTo(new BackorderResult.Accepted(first, true));
        assertThat(book.waitingUnits(sku)).isEqualTo(2);
        assertThat(first.order()).isEqualTo(OrderId.of("order-" + prefix + "-a"));
        assertThat(book.forOrder(first.order())).containsExactly(first);
    }

    @Test
    @DisplayName("BackorderBook §3: fills go by priority, then age, then order placed, never beyond what arrived")
    void fills_in_order() {
        place(candidate("old", 2, 0, T0), 100);
        place(candidate("new", 2, 0, T0.plusSeconds(60)), 100);
        place(candidate("vip", 2, 3, T0.plusSeconds(120)), 100);
        place(candidate("same-time", 2, 0, T0.plusSeconds(60)), 100);

        List<BackorderFill> fills = book.fill(receipt("1"), sku, WH, 5);

        assertThat(fills).extracting(f -> f.backorder().value().substring(prefix.length() + 1), BackorderFill::units)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vip", 2), org.assertj.core.groups.Tuple.tuple("old", 2),
                        org.assertj.core.groups.Tuple.tuple("new", 1));
        assertThat(book.waiting(sku, WH)).extracting(b -> b.id().value().substring(prefix.length() + 1), Backorder::waiting)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new", 1),
                        org.assertj.core.groups.Tuple.tuple("same-time", 2));
        assertThat(book.fill(receipt("2"), sku, WH, 10)).extracting(BackorderFill::units).containsExactly(1, 2);
        assertThat(book.waitingUnits(sku)).isZero();
        assertThat(book.fill(receipt("3"), sku, WH, 4)).isEmpty();
    }

    @Test
    @DisplayName("BackorderBook §4: filling a receipt again changes nothing and answers with the first fills")
    void filling_is_idempotent() {
        place(candidate("a", 3, 0, T0), 10);
        List<BackorderFill> first = book.fill(receipt("1"), sku, WH, 2);

        assertThat(book.fill(receipt("1"), sku, WH, 2)).isEqualTo(first);
        assertThat(book.find(BackorderId.of(prefix + "-a")).orElseThrow().filled()).isEqualTo(2);
        assertThat(book.receipts(sku, WH)).isEqualTo(1);
    }

    @Test
    @DisplayName("BackorderBook §5: a reopened fill waits again once, and is not replayed")
    void reopening() {
        place(candidate("a", 3, 0, T0), 10);
        BackorderFill fill = book.fill(receipt("1"), sku, WH, 2).get(0);

        book.reopen(fill);
        book.reopen(fill);

        assertThat(book.find(fill.backorder()).orElseThrow().waiting()).isEqualTo(3);
        assertThat(book.fill(receipt("1"), sku, WH, 2)).isEmpty();
        assertThatThrownBy(() -> book.reopen(new BackorderFill(receipt("never"), fill.backorder(), fill.order(), sku, WH, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("BackorderBook §6: the expected date and kind are kept; filled units end the date")
    void expecting() {
        Backorder b = ((BackorderResult.Accepted) place(candidate("a", 2, 0, T0), 10)).backorder();
        Instant eta = Instant.parse("2026-03-20T08:00:00Z");

        assertThat(book.expect(b.id(), SupplyKind.PREORDER, eta)).hasValueSatisfying(x -> {
            assertThat(x.kind()).isEqualTo(SupplyKind.PREORDER);
            assertThat(x.expectedAt()).isEqualTo(eta);
        });
        assertThat(book.find(b.id()).orElseThrow().expectedAt()).isEqualTo(eta);
        assertThat(book.expect(BackorderId.of(prefix + "-unknown"), SupplyKind.PREORDER, eta)).isEmpty();
        book.fill(receipt("1"), sku, WH, 2);
        assertThat(book.find(b.id()).orElseThrow().expectedAt()).isNull();
        assertThat(book.waiting(sku, WH)).isEmpty();
    }

    @Test
    @DisplayName("BackorderBook §7: cancelled units leave the queue for good, free their room, and the next in line is filled")
    void cancelling() {
        Backorder first = ((BackorderResult.Accepted) place(candidate("first", 3, 0, T0), 5)).backorder();
        place(candidate("second", 2, 0, T0.plusSeconds(60)), 5);
        book.fill(receipt("1"), sku, WH, 1);

        Optional<Backorder> cancelled = book.cancel(first.id(), 5);

        assertThat(cancelled).hasValueSatisfying(b -> {
            assertThat(b.filled()).as("a filled unit stays filled").isEqualTo(1);
            assertThat(b.cancelled()).as("only the waiting units are cancelled").isEqualTo(2);
            assertThat(b.waiting()).isZero();
        });
        assertThat(book.cancel(first.id(), 1).orElseThrow().cancelled()).as("a smaller total changes nothing").isEqualTo(2);
        assertThat(book.waitingUnits(sku)).isEqualTo(2);
        assertThat(place(candidate("third", 3, 0, T0.plusSeconds(120)), 5).isAccepted())
                .as("the cancelled units' room is free again").isTrue();
        assertThat(book.fill(receipt("2"), sku, WH, 2)).extracting(f -> f.backorder().value().substring(prefix.length() + 1),
                BackorderFill::units).containsExactly(org.assertj.core.groups.Tuple.tuple("second", 2));
        assertThat(book.cancel(BackorderId.of(prefix + "-unknown"), 1)).isEmpty();
        assertThat(book.find(first.id()).orElseThrow().cancelled()).isEqualTo(2);
    }

    @Test
    @DisplayName("BackorderBook §8: the units of a SKU waiting anywhere sum every location's waiting units: placing adds,"
            + " filling and cancelling take away, an unknown SKU has none")
    void waiting_units_sum_every_location() {
        LocationId store = LocationId.of("ST-1");
        place(candidate("a", 3, 0, T0), 10);
        Backorder atStore = new Backorder(BackorderId.of(prefix + "-st"), OrderId.of("order-" + prefix + "-st"),
                LineId.of("1"), sku, store, 4, 0, 0, T0, 0, SupplyKind.BACKORDER, null);
        assertThat(book.place(atStore, 10, book.receipts(sku, store))).hasValueSatisfying(r ->
                assertThat(r.isAccepted()).isTrue());
        assertThat(book.waitingUnits(sku)).isEqualTo(7);

        book.fill(receipt("1"), sku, WH, 2);
        assertThat(book.waitingUnits(sku)).isEqualTo(5);
        book.cancel(atStore.id(), 1);
        assertThat(book.waitingUnits(sku)).isEqualTo(4);
        assertThat(book.waiting(sku, store)).singleElement().satisfies(b -> assertThat(b.waiting()).isEqualTo(3));
        assertThat(book.waitingUnits(Sku.of("SKU-" + prefix + "-never"))).isZero();
    }

    @Test
    @DisplayName("BackorderBook §9: a fill passed on goes to those waiting by priority then age, once, and counts among the receipt's fills")
    void passingOn() {
        place(candidate("gone", 3, 0, T0), 20);
        place(candidate("older", 3, 0, T0.plusSeconds(60)), 20);
        place(candidate("urgent", 1, 5, T0.plusSeconds(120)), 20);
        List<BackorderFill> first = book.fill(receipt("1"), sku, WH, 4);
        BackorderFill gone = first.stream().filter(f -> f.backorder().value().endsWith("-gone")).findFirst().orElseThrow();
        assertThat(gone.units()).isEqualTo(3);

        List<BackorderFill> passed = book.passOn(gone, 3);

        assertThat(passed).extracting(f -> f.backorder().value().substring(prefix.length() + 1), BackorderFill::units)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("older", 3));
        assertThat(passed).allSatisfy(f -> assertThat(f.receipt()).isEqualTo(gone.passedOnKey()));
        Backorder after = book.find(gone.backorder()).orElseThrow();
        assertThat(List.of(after.waiting(), after.filled(), after.cancelled())).containsExactly(0, 0, 3);
        assertThat(book.passOn(gone, 3)).as("idempotent").isEqualTo(passed);
        assertThat(book.fill(receipt("1"), sku, WH, 4)).as("a replay answers with the fills passed on, not the one given up")
                .doesNotContain(gone).containsAll(passed).hasSize(first.size());
        assertThat(book.find(BackorderId.of(prefix + "-older")).orElseThrow().filled()).isEqualTo(3);
        assertThat(book.waitingUnits(sku)).isZero();
        assertThatThrownBy(() -> book.passOn(new BackorderFill(receipt("never"), gone.backorder(), gone.order(), sku, WH, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("BackorderBook §9: the units a partly cancelled backorder still wants wait at its place in line")
    void passingOnPartly() {
        place(candidate("partly", 3, 0, T0), 20);
        place(candidate("behind", 2, 0, T0.plusSeconds(60)), 20);
        BackorderFill fill = book.fill(receipt("1"), sku, WH, 3).get(0);

        List<BackorderFill> passed = book.passOn(fill, 1);

        assertThat(passed).extracting(f -> f.backorder().value().substring(prefix.length() + 1), BackorderFill::units)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("partly", 2), org.assertj.core.groups.Tuple.tuple("behind", 1));
        Backorder partly = book.find(fill.backorder()).orElseThrow();
        assertThat(List.of(partly.waiting(), partly.filled(), partly.cancelled())).containsExactly(0, 2, 1);
        book.reopen(passed.get(1));
        assertThat(book.fill(receipt("1"), sku, WH, 3)).containsExactly(passed.get(0));
        assertThat(book.waitingUnits(sku)).isEqualTo(2);
    }

    @Test
    @DisplayName("BackorderBook §1, §3: threads placing while receipts fill never exceed the room nor the arrivals")
    void concurrent_places_and_fills() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> placers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            placers.add(pool.submit(() -> {
                start.await();
                int accepted = 0;
                for (int i = 0; i < 15; i++) {
                    Optional<BackorderResult> r;
                    do {
                        r = book.place(candidate(thread + "-" + i, 1, i % 2, T0.plusSeconds(i)), 20, book.receipts(sku, WH));
                    } while (r.isEmpty());
                    accepted += r.get().isAccepted() ? 1 : 0;
                }
                return accepted;
            }));
        }
        Future<Integer> filler = pool.submit(() -> {
            start.await();
            int filled = 0;
            for (int i = 0; i < 10; i++) {
                filled += book.fill(receipt("r" + i), sku, WH, 2).stream().mapToInt(BackorderFill::units).sum();
            }
            return filled;
        });
        start.countDown();
        int accepted = 0;
        for (Future<Integer> p : placers) {
            accepted += p.get(60, TimeUnit.SECONDS);
        }
        int filled = filler.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(filled).isLessThanOrEqualTo(20);
        assertThat(book.waitingUnits(sku)).isLessThanOrEqualTo(20).isEqualTo(accepted - filled);
    }
}
