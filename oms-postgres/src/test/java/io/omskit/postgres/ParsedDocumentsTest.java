package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryBackorderBook;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryTransferRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.SaveOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The repositories keep the documents they saved or read parsed, and never answer one the database no longer holds. */
class ParsedDocumentsTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId WAREHOUSE = LocationId.of("WH-BERLIN");

    @Test
    void a_node_reads_the_changes_another_node_saved_to_the_same_order() {
        TestDatabase.clean();
        PostgresOrderRepository nodeA = repository(PostgresOrderRepository.DEFAULT_DOCUMENT_CACHE);
        PostgresOrderRepository nodeB = repository(PostgresOrderRepository.DEFAULT_DOCUMENT_CACHE);
        Order placed = placeOrder(nodeA, new PostgresFulfilmentRepository(TestDatabase.dataSource()), "WEB-1");
        OrderId id = placed.id();

        Order seenByB = nodeB.find(id).orElseThrow();
        assertThat(seenByB).isEqualTo(placed);
        Order held = placed.hold(io.omskit.core.order.HoldReason.FRAUD_REVIEW, "checking", CLOCK.instant()).state();
        Order next = versionAfter(placed, held);
        assertThat(nodeA.save(next)).isEqualTo(SaveOutcome.SAVED);

        assertThat(nodeB.find(id)).as("B kept version %d parsed; the database holds %d", seenByB.version(), next.version())
                .contains(next);
        Order stale = versionAfter(seenByB, seenByB);
        assertThat(nodeB.save(stale)).as("B's change of the version it read loses").isEqualTo(SaveOutcome.VERSION_CONFLICT);
        assertThat(nodeB.find(id)).contains(next);
        assertThat(nodeB.find(id).orElseThrow().status()).isEqualTo(OrderStatus.ON_HOLD);
    }

    @Test
    void what_the_repositories_keep_parsed_equals_what_the_database_holds_at_every_step_of_a_journey() {
        TestDatabase.clean();
        PostgresOrderRepository kept = repository(PostgresOrderRepository.DEFAULT_DOCUMENT_CACHE);
        PostgresFulfilmentRepository keptFulfilments = new PostgresFulfilmentRepository(TestDatabase.dataSource(),
                new OmsJacksonModule(), CLOCK, () -> { }, PostgresOrderRepository.DEFAULT_DOCUMENT_CACHE);
        PostgresOrderRepository parsedEveryTime = repository(0);
        PostgresFulfilmentRepository fulfilmentsParsedEveryTime = new PostgresFulfilmentRepository(TestDatabase.dataSource(),
                new OmsJacksonModule(), CLOCK, () -> { }, 0);

        List<Object[]> snapshots = new ArrayList<>();
        Order delivered = journeyRecording(kept, keptFulfilments, parsedEveryTime, fulfilmentsParsedEveryTime, snapshots);

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(snapshots).as("a snapshot after every step").hasSizeGreaterThan(5);
        for (Object[] s : snapshots) {
            assertThat(s[0]).as("order kept parsed vs read from JSON after %s", s[4]).isEqualTo(s[1]);
            assertThat(s[2]).as("fulfilment kept parsed vs read from JSON after %s", s[4]).isEqualTo(s[3]);
        }
    }

    @Test
    void a_read_answers_the_document_it_knew_before_the_query_even_when_a_save_replaced_it_meanwhile() {
        io.omskit.postgres.internal.ParsedDocuments<long[]> docs = new io.omskit.postgres.internal.ParsedDocuments<>(10, d -> d[0]);
        long[] v3 = {3};
        docs.remember("O-1", v3);
        long[] known = docs.known("O-1");
        docs.forget("O-1");                                  // a conflicting save on another thread
        assertThat(docs.resolve("O-1", known, 3, null, json -> new long[] {-7})).isSameAs(v3);

        docs.remember("O-1", v3);
        known = docs.known("O-1");
        docs.remember("O-1", new long[] {4});                // a newer save on another thread
        assertThat(docs.resolve("O-1", known, 3, null, json -> new long[] {-7})).isSameAs(v3);
        assertThat(docs.resolve("O-1", known, 5, "{}", json -> new long[] {5})[0]).as("the database moved on: parsed")
                .isEqualTo(5);
        assertThat(docs.known("O-1")[0]).isEqualTo(5);
    }

    private static PostgresOrderRepository repository(int cache) {
        return new PostgresOrderRepository(TestDatabase.dataSource(), new OmsJacksonModule(), CLOCK, () -> { }, cache);
    }

    private static Order versionAfter(Order current, Order changed) {
        return new Order(changed.id(), current.version() + 1, changed.channel(), changed.externalRef(), changed.customer(),
                changed.currency(), changed.delivery(), changed.lines(), changed.discounts(), changed.charges(),
                changed.paymentRef(), changed.payment(), changed.hold(), changed.placedAt(), changed.confirmedAt(),
                changed.allocations(), changed.commandKeys(), List.of(), changed.shipping());
    }

    private static Oms oms(PostgresOrderRepository orders, PostgresFulfilmentRepository fulfilments) {
        PostgresInventoryStore inventory = PostgresInventoryStore.builder(TestDatabase.dataSource()).clock(CLOCK).build();
        inventory.load(MUG, WAREHOUSE, 50);
        return Oms.builder().clock(CLOCK)
                .network(Network.of(List.of(
                        Location.builder(WAREHOUSE, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(MUG, "Mug", "kitchen", 300,
                        Dimensions.ofMillimetres(100, 100, 120), true)))
                .orders(orders).fulfilments(fulfilments).inventory(inventory)
                .payments(new FakePaymentGateway()).events(new RecordingEventPublisher())
                .transfers(new InMemoryTransferRepository()).backorderBook(new InMemoryBackorderBook()).build();
    }

    private static PlacementResult place(Oms oms, String ref) {
        return oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref)
                .customer("c-1").currency("EUR").paymentRef("tok")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", MUG.value(), 2, Money.of(CurrencyUnit.EUR, 10))
                .charge("shipping", Money.of(CurrencyUnit.EUR, 4.95)).build());
    }

    private static Order placeOrder(PostgresOrderRepository orders, PostgresFulfilmentRepository fulfilments, String ref) {
        Oms oms = oms(orders, fulfilments);
        PlacementResult placed = place(oms, ref);
        assertThat(placed.isConfirmed()).as("placement %s", placed).isTrue();
        return placed.order();
    }

    private static Order journeyRecording(PostgresOrderRepository orders, PostgresFulfilmentRepository fulfilments,
                                          PostgresOrderRepository ordersFromJson,
                                          PostgresFulfilmentRepository fulfilmentsFromJson, List<Object[]> snapshots) {
        Oms oms = oms(orders, fulfilments);
        OrderId id = place(oms, "WEB-2").order().id();
        oms.allocate(id, "WEB-2-BER", WAREHOUSE, List.of(LineQuantity.of(LineId.of("1"), 2)));
        FulfilmentId parcel = FulfilmentId.of("WEB-2-BER");
        snapshot(orders, fulfilments, ordersFromJson, fulfilmentsFromJson, id, parcel, "allocate", snapshots);
        oms.fulfilments().accept(parcel);
        snapshot(orders, fulfilments, ordersFromJson, fulfilmentsFromJson, id, parcel, "accept", snapshots);
        oms.fulfilments().startPicking(parcel);
        snapshot(orders, fulfilments, ordersFromJson, fulfilmentsFromJson, id, parcel, "pick", snapshots);
        oms.fulfilments().pack(parcel);
        snapshot(orders, fulfilments, ordersFromJson, fulfilmentsFromJson, id, parcel, "pack", snapshots);
        oms.fulfilments().ship(parcel, ShipmentDetails.of("DHL-1", "DHL", "00340434161094042557"));
        snapshot(orders, fulfilments, ordersFromJson, fulfilmentsFromJson, id, parcel, "ship", snapshots);
        oms.fulfilments().deliver(parcel, "signed by A. Person");
        snapshot(orders, fulfilments, ordersFromJson, fulfilmentsFromJson, id, parcel, "deliver", snapshots);
        return orders.find(id).orElseThrow();
    }

    private static void snapshot(PostgresOrderRepository orders, PostgresFulfilmentRepository fulfilments,
                                 PostgresOrderRepository ordersFromJson, PostgresFulfilmentRepository fulfilmentsFromJson,
                                 OrderId id, FulfilmentId parcel, String step, List<Object[]> snapshots) {
        Order kept = orders.find(id).orElseThrow();
        Fulfilment keptFulfilment = fulfilments.find(parcel).orElseThrow();
        assertThat(fulfilments.forOrder(id)).containsExactly(keptFulfilment);
        snapshots.add(new Object[] {kept, ordersFromJson.find(id).orElseThrow(), keptFulfilment,
                fulfilmentsFromJson.find(parcel).orElseThrow(), step});
    }
}
