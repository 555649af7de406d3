package io.omskit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.CustomerService.Acted;
import io.omskit.core.Oms;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryFulfilmentRepository;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Actor;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.LineEdit;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.Order;
import io.omskit.core.order.OrderEvent;
import io.omskit.core.order.OrderLine;
import io.omskit.core.order.OrderStatus;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.payment.Tender;
import io.omskit.core.spi.SpiException;
import io.omskit.testkit.contract.ContractClock;
import io.omskit.testkit.faults.FaultPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Over random sequences of line edits of one order (mugs at 10.00, plates at 7.50; the mugs allocated to a warehouse
 * fulfilment in half the runs), with failures injected before and after every SPI call and the provider declining,
 * answering unknown (money moved or not) or unreachable, each edit retried with its key until it answers: stock, payment
 * and order always agree. What the inventory holds (reserved and allocated) is what the order's open lines need, no
 * unit created or lost; every authorisation the provider gave is captured, voided or still open, and what is open is
 * exactly what the order records per tender and what its units not cancelled are worth; a refused edit changes neither
 * lines nor money; every finished key is applied once.
 */
class OrderEditProperties {

    private static final Sku MUG = Sku.of("MUG");
    private static final Sku PLATE = Sku.of("PLATE");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final LineId L1 = LineId.of("1");
    private static final LineId L2 = LineId.of("2");

    enum PaymentFault { NONE, DECLINE, TIMEOUT_MOVED, TIMEOUT_NOT_MOVED, UNREACHABLE }

    record Step(int mugs, int plates, boolean addLine, PaymentFault fault, boolean adapterFaults) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 4),
                Arbitraries.of(true, false), Arbitraries.of(PaymentFault.class), Arbitraries.of(true, false)).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 80)
    void stock_payment_and_order_always_agree_and_each_edit_applies_once(@ForAll("steps") List<Step> steps,
                                                                         @ForAll boolean allocated, @ForAll long seed) {
        check(steps, allocated, seed);
    }

    @net.jqwik.api.Example
    void lowering_every_line_and_adding_one_while_adapters_fail() {
        check(List.of(new Step(0, 0, true, PaymentFault.NONE, true)), false, 0L);
    }

    private void check(List<Step> steps, boolean allocated, long seed) {
        ContractClock clock = new ContractClock(Instant.parse("2026-06-01T10:00:00Z"));
        FaultPlan faults = FaultPlan.seeded(seed);
        FakePaymentGateway gateway = new FakePaymentGateway();
        ArmedAuthorisation armed = new ArmedAuthorisation(gateway);
        InMemoryInventoryStore inventory = InMemoryInventoryStore.builder().clock(clock).build();
        Oms oms = Oms.builder().inMemory().clock(clock)
                .network(Network.of(List.of(Location.builder(WH, LocationType.WAREHOUSE, GeoPoint.of(52.0, 13.0)).build())))
                .catalog(new InMemoryCatalog()
                        .put(SkuAttributes.of(MUG, "Mug", "kitchen", 300, Dimensions.ofMillimetres(100, 100, 120), true))
                        .put(SkuAttributes.of(PLATE, "Plate", "kitchen", 500, Dimensions.ofMillimetres(250, 250, 30), true)))
                .orders(faults.orders(new InMemoryOrderRepository()))
                .fulfilments(faults.fulfilments(new InMemoryFulfilmentRepository()))
                .inventory(faults.inventory(inventory)).payments(faults.payments(armed))
                .events(faults.events(new RecordingEventPublisher())).pickupCodes(() -> "4711").build();
        inventory.adjust(StockAdjustment.of("receipt-1", MUG, WH, MovementReason.RECEIPT, 8, "po-1"));
        inventory.adjust(StockAdjustment.of("receipt-2", PLATE, WH, MovementReason.RECEIPT, 6, "po-2"));
        Order order = oms.placeOrder(PlaceOrderRequest.builder().channel(Channel.WEB).externalRef("E-1").customer("c-1")
                .currency("EUR").delivery(DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null))
                .line("1", "MUG", 2, eur("10.00")).line("2", "PLATE", 1, eur("7.50")).paymentRef("tok-visa").build()).order();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        if (allocated) {
            oms.allocate(order.id(), "E-1-WH", WH, List.of(LineQuantity.of(L1, 2)));
            oms.fulfilments().accept(FulfilmentId.of("E-1-WH"));
        }
        Actor agent = Actor.agent("agent-1");
        int done = 0;

        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            List<LineEdit> edits = new ArrayList<>(List.of(LineEdit.changeQuantity(L1, s.mugs()),
                    LineEdit.changeQuantity(L2, s.plates())));
            if (s.addLine()) {
                edits.add(LineEdit.add(LineId.of("3-" + i), PLATE, 1, eur("7.50")));
            }
            String key = "k-" + i;
            Order before = oms.order(order.id()).orElseThrow();
            Money costs = eur("10.00").multipliedBy(s.mugs() - before.line(L1).orElseThrow().units().active())
                    .plus(eur("7.50").multipliedBy(s.plates() - before.line(L2).orElseThrow().units().active()))
                    .plus(s.addLine() ? eur("7.50") : eur("0.00"));
            // the provider's answer is scripted for the authorisation of an edit that costs more, whenever it comes
            armed.arm(costs.isPositive() ? s.fault() : PaymentFault.NONE);
            Acted<Order> acted = null;
            for (int attempt = 0; attempt < 6 && acted == null; attempt++) {
                if (s.adapterFaults() && attempt < 2) {
                    faults.failWith(0.15);
                }
                try {
                    acted = oms.customerService().editLines(order.id(), agent, edits, key);
                } catch (SpiException failed) {
                    // the retry with the same key finishes or undoes it
                } finally {
                    faults.off();
                }
            }
            armed.arm(PaymentFault.NONE);
            assertThat(acted).as("an edit retried with its key answers").isNotNull();
            Order after = oms.order(order.id()).orElseThrow();
            if (acted.refused()) {
                assertThat(after.lines()).as("a refused edit changes no line: " + acted.verdict()).isEqualTo(before.lines());
                assertThat(after.payment().authorised()).as("nor the money").isEqualTo(before.payment().authorised());
            } else {
                done++;
                for (OrderLine l : after.lines()) {
                    LineEdit asked = edits.stream().filter(e -> e.line().equals(l.id())).findFirst().orElse(null);
                    if (asked != null) {
                        assertThat(l.units().active()).as("line " + l.id() + " keeps what was asked").isEqualTo(asked.target());
                    }
                }
            }
            try {
                agree(oms, inventory, gateway, after);
            } catch (AssertionError e) {
                throw new AssertionError("after " + key + " answered " + acted.verdict() + " (" + faults + "): " + e.getMessage(), e);
            }
        }
        long edited = oms.customerService().timeline(order.id()).ofKind("order.lines-edited").size();
        assertThat(edited).as("each finished key edited the order once").isEqualTo(done);
    }

    /** Stock held is what the order's open lines need; each authorisation is in one place; the money matches the order. */
    private static void agree(Oms oms, InMemoryInventoryStore inventory, FakePaymentGateway gateway, Order order) {
        for (Sku sku : List.of(MUG, PLATE)) {
            int needed = 0;
            for (OrderLine l : order.lines()) {
                if (l.sku().equals(sku)) {
                    needed += l.units().reserved() + l.units().allocated();
                }
            }
            int held = inventory.networkReserved(sku) + inventory.position(sku, WH).allocated();
            assertThat(held).as("held of " + sku + " = needed by the order").isEqualTo(needed);
            assertThat(inventory.position(sku, WH).onHand()).as("no unit of " + sku + " created or lost")
                    .isEqualTo(sku.equals(MUG) ? 8 : 6);
        }
        for (Tender t : order.tenders()) {
            if (t.authorisationRef() == null) {
                continue;
            }
            Money given = gateway.authorisedOn(t.authorisationRef());
            assertThat(gateway.capturedOn(t.authorisationRef()).plus(gateway.voidedOn(t.authorisationRef()))
                    .plus(gateway.openOn(t.authorisationRef()))).as("authorised = captured + voided + open on " + t.id())
                    .isEqualTo(given);
            assertThat(gateway.openOn(t.authorisationRef())).as("open on " + t.id() + " as the order records it")
                    .isEqualTo(t.authorised());
        }
        assertThat(gateway.openAuthorisation(order.id())).as("no authorisation the order does not know of")
                .isEqualTo(order.payment().authorised());
        assertThat(order.payment().authorised()).as("what is open is what the units not cancelled are worth")
                .isEqualTo(order.valueNotCancelled());
        assertThat(oms.customerService().timeline(order.id()).entries()).isNotEmpty();
    }

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new java.math.BigDecimal(amount));
    }

    /** The fake provider, told to misbehave on the next authorisation only (captures and voids answer normally). */
    private static final class ArmedAuthorisation implements io.omskit.core.spi.PaymentGateway {
        private final FakePaymentGateway gateway;
        private PaymentFault armed = PaymentFault.NONE;

        ArmedAuthorisation(FakePaymentGateway gateway) {
            this.gateway = gateway;
        }

        synchronized void arm(PaymentFault fault) {
            armed = fault;
        }

        @Override
        public synchronized io.omskit.core.payment.PaymentResult execute(io.omskit.core.spi.PaymentRequest request) {
            if (request.kind() == io.omskit.core.spi.PaymentRequest.Kind.AUTHORISE) {
                switch (armed) {
                    case DECLINE -> gateway.declineNext("no funds");
                    case TIMEOUT_MOVED -> gateway.timeOutNext(true);
                    case TIMEOUT_NOT_MOVED -> gateway.timeOutNext(false);
                    case UNREACHABLE -> gateway.unreachableNext();
                    default -> { }
                }
                armed = PaymentFault.NONE;
            }
            return gateway.execute(request);
        }
    }
}
