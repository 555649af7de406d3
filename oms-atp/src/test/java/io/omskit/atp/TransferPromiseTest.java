package io.omskit.atp;

import static io.omskit.atp.Shop.BERLIN_HOME;
import static io.omskit.atp.Shop.MUNICH;
import static io.omskit.atp.Shop.WH_BERLIN;
import static io.omskit.atp.calendar.Berlin.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.Oms;
import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferLine;
import io.omskit.core.transfer.TransferReason;
import io.omskit.core.transfer.TransferRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units on their way between locations are promised from their expected arrival, like any inbound supply. */
class TransferPromiseTest {

    private static final Sku LAMP = Sku.of("LAMP");

    @Test
    void surplus_moving_from_a_store_to_the_warehouse_is_promised_for_home_delivery_from_its_arrival() {
        Shop shop = new Shop().receive(LAMP, MUNICH, 10);
        Oms oms = Oms.builder().inMemory().clock(Clock.fixed(local("2026-11-26T09:00"), ZoneOffset.UTC)).network(shop.network)
                .inventory(shop.store).payments(new FakePaymentGateway()).build();
        ProductPageRequest page = ProductPageRequest.of(LAMP, 2, Channel.WEB).to(BERLIN_HOME).at(local("2026-11-26T10:00"));
        assertThat(shop.atp.productPage(page).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().isAvailable())
                .as("home delivery ships from warehouses only").isFalse();

        oms.transfers().request(new TransferRequest(TransferId.of("T-1"), MUNICH, WH_BERLIN, TransferReason.SURPLUS,
                List.of(TransferLine.of(LAMP, 6)), local("2026-12-01T06:00")));
        oms.transfers().ship(TransferId.of("T-1"), ShipmentDetails.of("truck-1", "own fleet", ""));

        ProductPromise p = shop.atp.productPage(page);
        MethodPromise standard = p.method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow();
        assertThat(standard.isLater()).isTrue();
        assertThat(standard.window().earliest()).as("shipped from Berlin after the transfer arrives")
                .isAfter(local("2026-12-01T06:00"));
        assertThat(shop.atp.index().availability(LAMP).inbound()).singleElement()
                .satisfies(s -> assertThat(s.reference()).isEqualTo("transfer:T-1"));
        assertThat(shop.store.position(LAMP, MUNICH).onHand()).as("the units left the store").isEqualTo(4);

        oms.transfers().receive(TransferId.of("T-1"));
        assertThat(shop.atp.productPage(page).method(DeliveryMethod.STANDARD_DELIVERY).orElseThrow().isLater())
                .as("received: on the warehouse shelf, promised as stock").isFalse();
    }
}
