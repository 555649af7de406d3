package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.Tender;
import io.omskit.core.payment.TenderType;
import io.omskit.core.spi.EventPublisher;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Orders paid with several tenders are stored as JSON documents, and documents written before tenders existed still read. */
class PostgresTendersTest {

    private static final Sku MUG = Sku.of("MUG");
    private static final LocationId WH = LocationId.of("WH-BERLIN");

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    private static PostgresOms start() {
        return PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres").poolSize(2).start();
    }

    private static Oms oms(PostgresOms pg) {
        return Oms.builder().clock(Clock.systemUTC())
                .network(Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52)).build())))
                .catalog(new InMemoryCatalog().put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true)))
                .orders(pg.orderRepository()).fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore())
                .payments(new FakePaymentGateway())
                .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).events(EventPublisher.none()).build();
    }

    private static PlaceOrderRequest.Builder request(String ref) {
        return PlaceOrderRequest.builder().channel(Channel.WEB).externalRef(ref).customer("c-1").currency("EUR")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", MUG.value(), 4, eur("12.50"));
    }

    @Test
    void an_order_paid_with_a_gift_card_and_a_card_is_stored_and_read_back_by_another_node() {
        TestDatabase.clean();
        Order saved;
        try (PostgresOms pg = start()) {
            pg.inventoryStore().load(MUG, WH, 10);
            Oms oms = oms(pg);
            Order placed = oms.placeOrder(request("WEB-T1").tender("gift", TenderType.GIFT_CARD, "tok-gift", eur("20.00"))
                    .tenderForTheRest("card", TenderType.CARD, "tok-visa").build()).order();
            saved = oms.cancel(placed.id(), List.of(LineQuantity.of(LineId.of("1"), 2)), CancellationReason.CUSTOMER_REQUEST);
        }
        try (PostgresOms other = start()) {
            Order read = other.orderRepository().find(saved.id()).orElseThrow();

            assertThat(read).isEqualTo(saved);
            assertThat(read.tenders()).extracting(Tender::id).containsExactly("gift", "card");
            assertThat(read.payment().tender("card").orElseThrow().authorised()).isEqualTo(eur("5.00"));
            assertThat(read.balanceDue()).isEqualTo(eur("25.00"));
        }
    }

    @Test
    void an_order_document_written_before_tenders_existed_reads_as_one_payment() throws Exception {
        TestDatabase.clean();
        Order saved;
        try (PostgresOms pg = start()) {
            pg.inventoryStore().load(MUG, WH, 10);
            saved = oms(pg).placeOrder(request("WEB-T2").paymentRef("tok-visa").build()).order();
        }
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("update oms_order set document = document #- '{payment,tenders}' where order_id = ?")) {
            s.setString(1, saved.id().value());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        try (PostgresOms other = start()) {
            Order read = other.orderRepository().find(saved.id()).orElseThrow();

            assertThat(read).isEqualTo(saved);
            assertThat(read.payment().hasTenders()).isFalse();
            assertThat(read.tenders()).singleElement().satisfies(t -> {
                assertThat(t.paymentRef()).isEqualTo("tok-visa");
                assertThat(t.authorised()).isEqualTo(eur("50.00"));
            });
        }
    }
}
