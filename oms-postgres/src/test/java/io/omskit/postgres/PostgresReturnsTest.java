package io.omskit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.network.Capability;
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
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.returns.OpenResult;
import io.omskit.returns.OpenReturnRequest;
import io.omskit.returns.Returns;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Arrival;
import io.omskit.returns.rma.Disposition;
import io.omskit.returns.rma.Grade;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import io.omskit.returns.rma.ReturnStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** A return taken from authorisation to refund with every adapter on PostgreSQL, its events through the outbox. */
class PostgresReturnsTest {

    @Test
    void a_delivered_order_is_returned_restocked_and_refunded_on_postgres() {
        TestDatabase.clean();
        RecordingEventPublisher events = new RecordingEventPublisher();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                .publisher(events).poolSize(4).start()) {
            Sku sku = Sku.of("MUG");
            LocationId warehouse = LocationId.of("WH-BERLIN");
            pg.inventoryStore().load(sku, warehouse, 5);
            Network network = Network.of(List.of(Location.builder(warehouse, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52))
                    .capabilities(EnumSet.of(Capability.SHIP, Capability.ACCEPT_RETURNS)).build()));
            FakePaymentGateway payments = new FakePaymentGateway();
            Oms oms = Oms.builder().clock(Clock.systemUTC()).network(network)
                    .catalog(new InMemoryCatalog().put(SkuAttributes.of(sku, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true)))
                    .orders(pg.orderRepository()).fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore())
                    .payments(payments).events(events)
                    .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).build();
            Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-1").customer("c-1")
                    .currency("EUR").paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                    .line("1", sku.value(), 2, Money.of(CurrencyUnit.EUR, 10)).build()).order();
            oms.allocate(order.id(), "f-1", warehouse, List.of(LineQuantity.of(LineId.of("1"), 2)));
            FulfilmentId f = FulfilmentId.of("f-1");
            oms.fulfilments().accept(f);
            oms.fulfilments().startPicking(f);
            oms.fulfilments().pack(f);
            oms.fulfilments().ship(f, ShipmentDetails.of("P-1", "DHL", ""));
            oms.fulfilments().deliver(f, "signed");
            Returns returns = Returns.builder(oms).payments(payments).repository(pg.returnRepository()).events(events)
                    .policy(ReturnPolicy.standard()).build();

            Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB,
                    ReturnMethod.mailIn(warehouse), List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.CHANGED_MIND))))).ret();
            returns.receive(ret.id(), List.of(Arrival.of(sku, 1)), "scan-1");
            Return done = returns.inspect(ret.id(), LineId.of("1"), Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1");

            assertThat(done.status()).isEqualTo(ReturnStatus.REFUNDED);
            assertThat(pg.returnRepository().find(ret.id())).contains(done);
            assertThat(pg.returnRepository().findByOrder(order.id())).containsExactly(done);
            assertThat(pg.inventoryStore().position(sku, warehouse).onHand()).isEqualTo(4);
            Order after = oms.order(order.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
            assertThat(after.payment().refunded()).isEqualTo(Money.of(CurrencyUnit.EUR, 10));
            pg.outboxRelay().publishPending();
            assertThat(events.events(ReturnEvent.ReturnRefunded.class)).as("return events come through the outbox, once")
                    .singleElement().satisfies(e -> assertThat(e.amount()).isEqualTo(Money.of(CurrencyUnit.EUR, 10)));
            assertThat(events.events(ReturnEvent.ReturnAuthorised.class)).hasSize(1);
        }
    }

    @Test
    void the_shipping_refund_due_after_a_cancellation_is_recorded_on_the_refunded_return_and_reconciled_on_postgres() {
        TestDatabase.clean();
        RecordingEventPublisher events = new RecordingEventPublisher();
        try (PostgresOms pg = PostgresOms.builder().jdbcUrl(TestDatabase.jdbcUrl(), "postgres", "postgres")
                .publisher(events).poolSize(4).start()) {
            Sku sku = Sku.of("MUG");
            LocationId warehouse = LocationId.of("WH-BERLIN");
            pg.inventoryStore().load(sku, warehouse, 5);
            Network network = Network.of(List.of(Location.builder(warehouse, LocationType.WAREHOUSE, GeoPoint.of(52.40, 13.52))
                    .capabilities(EnumSet.of(Capability.SHIP, Capability.ACCEPT_RETURNS)).build()));
            FakePaymentGateway payments = new FakePaymentGateway();
            Oms oms = Oms.builder().clock(Clock.systemUTC()).network(network)
                    .catalog(new InMemoryCatalog().put(SkuAttributes.of(sku, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true)))
                    .orders(pg.orderRepository()).fulfilments(pg.fulfilmentRepository()).inventory(pg.inventoryStore())
                    .payments(payments).events(events)
                    .transfers(pg.transferRepository()).backorderBook(pg.backorderBook()).build();
            Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-2").customer("c-1")
                    .currency("EUR").paymentRef("tok").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                            new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                    .line("1", sku.value(), 2, Money.of(CurrencyUnit.EUR, 10)).charge("shipping", Money.parse("EUR 4.95")).build()).order();
            oms.allocate(order.id(), "f-1", warehouse, List.of(LineQuantity.of(LineId.of("1"), 1)));
            FulfilmentId f = FulfilmentId.of("f-1");
            oms.fulfilments().accept(f);
            oms.fulfilments().startPicking(f);
            oms.fulfilments().pack(f);
            oms.fulfilments().ship(f, ShipmentDetails.of("P-1", "DHL", ""));
            oms.fulfilments().deliver(f, "signed");
            Returns returns = Returns.builder(oms).payments(payments).repository(pg.returnRepository()).events(events)
                    .policy(ReturnPolicy.builder().shippingRefund(io.omskit.returns.policy.ShippingRefund.WHEN_ALL_RETURNED).build()).build();
            events.subscribe(returns::accept);
            Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), "rq-1", Channel.WEB,
                    ReturnMethod.mailIn(warehouse), List.of(OpenReturnRequest.line(LineId.of("1"), 1, ReturnReason.CHANGED_MIND))))).ret();
            returns.receive(ret.id(), List.of(Arrival.of(sku, 1)), "scan-1");
            assertThat(returns.inspect(ret.id(), LineId.of("1"), Grade.AS_NEW, Disposition.RESTOCK, 1, "i-1").status())
                    .isEqualTo(ReturnStatus.REFUNDED);
            payments.answerNormallyNext().timeOutNext(true);      // the shipping's capture goes through, its refund times out

            oms.cancel(order.id(), List.of(LineQuantity.of(LineId.of("1"), 1)), io.omskit.core.order.CancellationReason.CUSTOMER_REQUEST);

            assertThat(pg.returnRepository().findWithOpenRefund(10)).as("the refunded return waits for the provider's answer")
                    .containsExactly(ret.id());
            assertThat(returns.reconcileRefunds(10)).containsExactly(ret.id());
            Return settled = pg.returnRepository().find(ret.id()).orElseThrow();
            assertThat(settled.status()).isEqualTo(ReturnStatus.REFUNDED);
            assertThat(settled.refunds()).extracting(r -> r.shipping()).containsExactly(Money.parse("EUR 0.00"), Money.parse("EUR 4.95"));
            assertThat(oms.order(order.id()).orElseThrow().payment().refunded()).isEqualTo(Money.parse("EUR 14.95"));
            assertThat(payments.refunded(order.id())).isEqualTo(Money.parse("EUR 14.95"));
            assertThat(pg.returnRepository().findWithOpenRefund(10)).isEmpty();
        }
    }
}
