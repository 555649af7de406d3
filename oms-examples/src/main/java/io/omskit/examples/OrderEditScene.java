package io.omskit.examples;

import io.omskit.core.CustomerService;
import io.omskit.core.CustomerService.Acted;
import io.omskit.core.Oms;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineEdit;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.Tender;
import io.omskit.core.permission.Verdict;
import java.io.PrintStream;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Scene 22 of the demo: a customer calls to change an order before it is picked. The order (2 of one item at 12.90)
 * is already allocated to the Berlin DC; the agent takes one unit off and adds another item at 24.50: the unit is
 * cancelled through the DC's fulfilment, the new line reserved, and the 11.60 more authorised as a tender of its own.
 * A second change is declined by the card and changes nothing; once the DC picks, taking a unit off is refused.
 */
final class OrderEditScene {

    /** What the scene did, for the demo's test. */
    record Outcome(Order edited, Tender difference, Verdict declined, Order afterDecline, Verdict whilePicking) {
    }

    private static final LineId FIRST = LineId.of("1");
    private static final LineId ADDED = LineId.of("2");
    private static final LocationId DC = LocationId.of("WH-BERLIN");

    private final PrintStream out;
    private final Oms oms;
    private final FakePaymentGateway payments;

    OrderEditScene(PrintStream out, Oms oms, FakePaymentGateway payments) {
        this.out = out;
        this.oms = oms;
        this.payments = payments;
    }

    Outcome run() {
        CustomerService service = oms.customerService();
        Actor agent = Actor.agent("agent-22");
        Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("WEB-2201")
                .customer("customer-2201").currency("EUR").paymentRef("tok_visa")
                .delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY, new Address("Demo Customer", "Demo Street 22", null,
                        "Berlin", "10115", "DE", GeoPoint.of(52.53, 13.38)), null))
                .line("1", DemoNetwork.sku(6).value(), 2, eur(12.90)).build()).order();
        oms.allocate(order.id(), "WEB-2201-BER", DC, List.of(LineQuantity.of(FIRST, 2)));
        out.println("  WEB-2201: 2 x " + DemoNetwork.sku(6) + " at EUR 12.90, allocated to " + DC + "; authorised "
                + order.payment().authorised());

        Order edited = service.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(FIRST, 1),
                LineEdit.add(ADDED, DemoNetwork.sku(7), 1, eur(24.50))), "WEB-2201-call-1").get();
        Tender difference = edited.payment().tenders().get(edited.payment().tenders().size() - 1);
        out.println("  the agent takes one off and adds 1 x " + DemoNetwork.sku(7) + " at EUR 24.50: worth "
                + edited.valueNotCancelled() + "; " + difference.authorised() + " more authorised as tender " + difference.id()
                + "; the DC's fulfilment now holds " + oms.fulfilments().get(FulfilmentId.of("WEB-2201-BER")).lines().get(0).quantity());

        payments.declineNext("card limit reached");
        Acted<Order> declined = service.editLines(order.id(), agent, List.of(LineEdit.changeQuantity(ADDED, 4)),
                "WEB-2201-call-2");
        Order afterDecline = oms.order(order.id()).orElseThrow();
        out.println("  three more of the new item: " + declined.verdict() + "; still worth " + afterDecline.valueNotCancelled());

        FulfilmentId dc = FulfilmentId.of("WEB-2201-BER");
        oms.fulfilments().accept(dc);
        oms.fulfilments().startPicking(dc);
        Acted<Order> whilePicking = service.editLines(order.id(), agent, List.of(LineEdit.remove(FIRST)), "WEB-2201-call-3");
        out.println("  the DC picks; taking the first item off now: " + whilePicking.verdict());
        service.timeline(order.id()).ofKind("order.lines-edited").forEach(e -> out.println("  story: " + e.line()));
        return new Outcome(edited, difference, declined.verdict(), afterDecline, whilePicking.verdict());
    }

    private static Money eur(double amount) {
        return Money.of(CurrencyUnit.EUR, amount);
    }
}
