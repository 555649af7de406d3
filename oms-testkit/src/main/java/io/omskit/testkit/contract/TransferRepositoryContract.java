package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.SaveOutcome;
import io.omskit.core.spi.TransferRepository;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferLine;
import io.omskit.core.transfer.TransferReason;
import io.omskit.core.transfer.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TransferRepository}. Extend it with one factory method to check an adapter:
 * <pre>{@code
 * class MyTransferRepositoryContractTest extends TransferRepositoryContract {
 *     protected TransferRepository newRepository() { return new MyTransferRepository(dataSource); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks. The transfers are built by the aggregate's own commands.
 */
public abstract class TransferRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static int counter;

    /** A new, empty repository; called before each test. */
    protected abstract TransferRepository newRepository();

    /** Releases what {@link #newRepository()} acquired; the default does nothing. */
    protected void close(TransferRepository repository) {
    }

    /** The repository under test, new for each test. */
    protected TransferRepository repository;
    private String prefix;

    @BeforeEach
    void createRepository() {
        repository = newRepository();
        prefix = unique("trf");
    }

    @AfterEach
    void closeRepository() {
        close(repository);
    }

    private static synchronized String unique(String p) {
        counter++;
        return p + "-" + System.nanoTime() + "-" + counter;
    }

    private TransferId id(String name) {
        return TransferId.of(prefix + "-" + name);
    }

    private Transfer requested(String name, LocationId from, LocationId to, Instant at, Instant arrival) {
        return Transfer.request(id(name), from, to, TransferReason.RESTOCK,
                List.of(TransferLine.of(Sku.of("MUG"), 4), TransferLine.of(Sku.of("TEE"), 1)), arrival, at).state();
    }

    private Transfer stored(Transfer t) {
        assertThat(repository.save(t)).as("saving %s version %d", t.id(), t.version()).isEqualTo(SaveOutcome.SAVED);
        return t;
    }

    @Test
    @DisplayName("TransferRepository §1: a new transfer (version 1) is stored and found as saved, every field included")
    void stores_new() {
        Transfer t = stored(requested("a", LocationId.of("WH"), LocationId.of("ST"), T0, T0.plus(Duration.ofDays(2))));

        assertThat(repository.find(t.id())).contains(t);
        assertThat(repository.find(id("unknown"))).isEmpty();
    }

    @Test
    @DisplayName("TransferRepository §2: a second new transfer with the same id is a conflict and changes nothing")
    void duplicate_new() {
        Transfer t = stored(requested("a", LocationId.of("WH"), LocationId.of("ST"), T0, T0.plus(Duration.ofDays(2))));
        Transfer other = requested("a", LocationId.of("WH"), LocationId.of("ST-2"), T0, T0.plus(Duration.ofDays(3)));

        assertThat(repository.save(other)).isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(repository.find(t.id())).contains(t);
    }

    @Test
    @DisplayName("TransferRepository §3: version n replaces version n-1 only; a stale or skipping version is a conflict")
    void versions() {
        Transfer v1 = stored(requested("a", LocationId.of("WH"), LocationId.of("ST"), T0, T0.plus(Duration.ofDays(2))));
        Transfer v2 = v1.ship(ShipmentDetails.of("truck-1", "fleet", "TN-1"), T0.plusSeconds(60)).state();
        Transfer v3 = v2.receive(T0.plus(Duration.ofDays(1))).state();

        assertThat(repository.save(v3)).as("skipping a version").isEqualTo(SaveOutcome.VERSION_CONFLICT);
        stored(v2);
        assertThat(repository.save(v1.cancel("late", T0.plusSeconds(61)).state())).as("stale").isEqualTo(SaveOutcome.VERSION_CONFLICT);
        stored(v3);
        assertThat(repository.find(v1.id())).contains(v3);
        assertThat(repository.save(requested("never", LocationId.of("WH"), LocationId.of("ST"), T0, T0)
                .ship(ShipmentDetails.of("x", "y", ""), T0).state())).as("an unknown id at version 2")
                .isEqualTo(SaveOutcome.VERSION_CONFLICT);
    }

    @Test
    @DisplayName("TransferRepository §4: inbound lists a destination's transfers in one status, earliest arrival first, then by"
            + " id, at most the limit; outbound a source's, oldest request first")
    void lists() {
        LocationId wh = LocationId.of(unique("WH"));
        LocationId store = LocationId.of(unique("ST"));
        Transfer late = stored(requested("late", wh, store, T0, T0.plus(Duration.ofDays(5))));
        Transfer soonB = stored(requested("soon-b", wh, store, T0.plusSeconds(9), T0.plus(Duration.ofDays(1))));
        Transfer soonA = stored(requested("soon-a", wh, store, T0.plusSeconds(5), T0.plus(Duration.ofDays(1))));
        Transfer back = stored(requested("back", store, wh, T0, T0.plus(Duration.ofDays(1))));
        Transfer shipped = stored(stored(requested("shipped", wh, store, T0.minusSeconds(1), T0.plus(Duration.ofDays(2))))
                .ship(ShipmentDetails.of("truck-2", "fleet", ""), T0.plusSeconds(30)).state());

        assertThat(repository.inbound(store, TransferStatus.REQUESTED, 10)).containsExactly(soonA, soonB, late);
        assertThat(repository.inbound(store, TransferStatus.REQUESTED, 2)).containsExactly(soonA, soonB);
        assertThat(repository.inbound(store, TransferStatus.SHIPPED, 10)).containsExactly(shipped);
        assertThat(repository.inbound(wh, TransferStatus.REQUESTED, 10)).containsExactly(back);
        assertThat(repository.outbound(wh, TransferStatus.REQUESTED, 10)).containsExactly(late, soonA, soonB);
        assertThat(repository.outbound(wh, TransferStatus.SHIPPED, 10)).containsExactly(shipped);
        assertThat(repository.outbound(store, TransferStatus.RECEIVED, 10)).isEmpty();
    }

    @Test
    @DisplayName("TransferRepository §5: a transfer counted in over several receipts and closed short is found with its"
            + " receipts and lost units exactly as saved, and listed under its part-received status")
    void receipts_and_losses() {
        LocationId wh = LocationId.of(unique("WH"));
        LocationId store = LocationId.of(unique("ST"));
        Transfer v1 = stored(requested("counted", wh, store, T0, T0.plus(Duration.ofDays(2))));
        Transfer v2 = stored(v1.ship(ShipmentDetails.of("truck-3", "fleet", "TN-3"), T0.plusSeconds(60)).state());
        Transfer v3 = stored(v2.receive("DN-1", List.of(TransferLine.of(Sku.of("MUG"), 3)), T0.plus(Duration.ofDays(1))).state());

        assertThat(repository.find(v3.id())).contains(v3);
        assertThat(repository.inbound(store, TransferStatus.PART_RECEIVED, 10)).containsExactly(v3);

        Transfer v4 = stored(v3.closeShort("one mug and the tee lost", T0.plus(Duration.ofDays(3))).state());

        assertThat(repository.find(v4.id())).contains(v4);
        assertThat(repository.find(v4.id()).orElseThrow().lost())
                .containsExactly(TransferLine.of(Sku.of("MUG"), 1), TransferLine.of(Sku.of("TEE"), 1));
        assertThat(repository.inbound(store, TransferStatus.PART_RECEIVED, 10)).isEmpty();
        assertThat(repository.outbound(wh, TransferStatus.CLOSED_SHORT, 10)).containsExactly(v4);
    }
}
