package io.omskit.returns;

import static io.omskit.returns.Shop.WH;
import static io.omskit.returns.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakeCarrierGateway;
import io.omskit.core.order.LineId;
import io.omskit.core.order.Order;
import io.omskit.core.shipping.BookingResult;
import io.omskit.core.shipping.CancellationResult;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.QuoteResult;
import io.omskit.core.spi.BookingRequest;
import io.omskit.core.spi.CancelBookingRequest;
import io.omskit.core.spi.CarrierGateway;
import io.omskit.core.spi.QuoteRequest;
import io.omskit.returns.policy.ReturnPolicy;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnEvent;
import io.omskit.returns.rma.ReturnLabel;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A return that travels by carrier gets one label, booked under a key recorded first, whatever the carrier answers. */
class ReturnLabelTest {

    private static final LineId L1 = LineId.of("1");

    private final Shop shop = new Shop();
    private final FakeCarrierGateway fake = FakeCarrierGateway.withSampleCarriers(shop.clock);
    private final FaultAfterQuote carriers = new FaultAfterQuote(fake);
    private final Returns returns = Returns.builder(shop.oms).payments(shop.payments).events(shop.events).carriers(carriers)
            .policy(ReturnPolicy.standard()).build();
    private final Order order = shop.delivered(b -> b.line("1", "SHIRT", 2, eur("25.00")));

    private Return open(String key, ReturnMethod method) {
        return ((OpenResult.Opened) returns.open(OpenReturnRequest.of(order.id(), key, Channel.WEB, method,
                List.of(OpenReturnRequest.line(L1, 2, ReturnReason.CHANGED_MIND))))).ret();
    }

    private long bookCalls() {
        return fake.calls().stream().filter(c -> c instanceof BookingRequest).count();
    }

    @Test
    void a_mail_in_return_gets_its_label_booked_back_to_the_receiving_location() {
        Return ret = open("rq-1", ReturnMethod.mailIn(WH));

        ReturnLabel label = ret.label();
        assertThat(label.isBooked()).isTrue();
        assertThat(label.key().value()).isEqualTo(ret.id() + "/return-label-1");
        assertThat(label.service()).as("the cheapest quote").isEqualTo(CarrierService.of("GLS", "BUSINESS", io.omskit.core.shipping.ServiceLevel.ECONOMY));
        assertThat(label.parcel().weightGrams()).as("two shirts of 200 g").isEqualTo(400);
        assertThat(label.label().document()).isNotEmpty();
        assertThat(fake.bookings()).singleElement().satisfies(b -> {
            assertThat(b.request().direction()).isEqualTo(BookingRequest.Direction.RETURN);
            assertThat(b.request().origin()).isEqualTo(WH);
            assertThat(b.request().destination()).isEqualTo(order.delivery().address());
            assertThat(b.request().reference()).isEqualTo("RETURN-" + ret.id());
            assertThat(label.trackingNumber()).contains(b.label().trackingNumber());
        });
        assertThat(returns.find(ret.id()).orElseThrow().label()).as("kept on the return").isEqualTo(label);
        assertThat(shop.events.events()).filteredOn(e -> e instanceof ReturnEvent.ReturnLabelRequested || e instanceof ReturnEvent.ReturnLabelIssued)
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("ReturnLabelRequested", "ReturnLabelIssued");
    }

    @Test
    void a_carrier_collection_is_booked_as_well_and_a_drop_off_needs_no_label() {
        assertThat(open("rq-1", ReturnMethod.carrierCollection(WH)).label().isBooked()).isTrue();
        Order other = shop.delivered(b -> b.line("1", "JEANS", 1, eur("60.00")));
        Return dropped = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(other.id(), "rq-2", Channel.STORE, ReturnMethod.dropOff(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND))))).ret();

        assertThat(dropped.label()).isNull();
        assertThat(returns.bookLabel(dropped.id()).label()).as("asking changes nothing").isNull();
        assertThat(fake.bookings()).hasSize(1);
    }

    @Test
    void a_timeout_after_the_carrier_booked_is_reconciled_with_the_same_key_into_the_one_label() {
        carriers.next = c -> c.timeOutNext(true);

        Return pending = open("rq-1", ReturnMethod.mailIn(WH));

        assertThat(pending.label().isPending()).as("opened all the same, the label's fate unknown").isTrue();
        assertThat(fake.bookings()).as("the carrier did make one").hasSize(1);

        Return reconciled = returns.bookLabel(pending.id());

        assertThat(reconciled.label().isBooked()).isTrue();
        assertThat(reconciled.label().key()).isEqualTo(pending.label().key());
        assertThat(fake.bookings()).as("never two labels").singleElement()
                .satisfies(b -> assertThat(reconciled.label().label()).isEqualTo(b.label()));
        assertThat(bookCalls()).isEqualTo(2);
        assertThat(returns.bookLabel(pending.id()).label()).as("a booked label is not asked about again").isEqualTo(reconciled.label());
        assertThat(bookCalls()).isEqualTo(2);
    }

    @Test
    void a_timeout_before_the_carrier_booked_is_booked_when_asked_again_and_opening_again_asks_too() {
        carriers.next = c -> c.timeOutNext(false);
        Return pending = open("rq-1", ReturnMethod.mailIn(WH));
        assertThat(pending.label().isPending()).isTrue();
        assertThat(fake.bookings()).isEmpty();

        Return again = open("rq-1", ReturnMethod.mailIn(WH));

        assertThat(again.label().isBooked()).isTrue();
        assertThat(again.label().key()).isEqualTo(pending.label().key());
        assertThat(fake.bookings()).hasSize(1);
    }

    @Test
    void a_declined_label_keeps_the_reason_and_booking_again_takes_the_next_key() {
        carriers.next = c -> c.declineNext("no collection in this area");

        Return declined = open("rq-1", ReturnMethod.carrierCollection(WH));

        assertThat(declined.label().status()).isEqualTo(ReturnLabel.Status.DECLINED);
        assertThat(declined.label().message()).isEqualTo("no collection in this area");
        Return booked = returns.bookLabel(declined.id());
        assertThat(booked.label().isBooked()).isTrue();
        assertThat(booked.label().attempt()).isEqualTo(2);
        assertThat(booked.label().key().value()).isEqualTo(declined.id() + "/return-label-2");
        assertThat(fake.bookings()).hasSize(1);
    }

    @Test
    void unreachable_carriers_leave_the_return_opened_without_a_label_until_asked_again() {
        fake.unreachableNext();

        Return opened = open("rq-1", ReturnMethod.mailIn(WH));

        assertThat(opened.label()).isNull();
        assertThat(returns.bookLabel(opened.id()).label().isBooked()).isTrue();
    }

    @Test
    void booking_a_label_needs_carriers() {
        Returns without = shop.returns(ReturnPolicy.standard());
        Return ret = ((OpenResult.Opened) without.open(OpenReturnRequest.of(order.id(), "rq-9", Channel.WEB, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.CHANGED_MIND))))).ret();

        assertThat(ret.label()).isNull();
        assertThatThrownBy(() -> without.bookLabel(ret.id())).isInstanceOf(IllegalStateException.class).hasMessageContaining("carriers");
    }

    @Test
    void cancelling_a_return_voids_its_booked_label_with_the_carrier() {
        Return ret = open("rq-1", ReturnMethod.mailIn(WH));

        Return cancelled = returns.cancel(ret.id(), "kept the shirts after all");

        assertThat(cancelled.label().status()).isEqualTo(ReturnLabel.Status.VOIDED);
        assertThat(cancelled.labelOpen()).isFalse();
        assertThat(fake.bookings()).singleElement().satisfies(b -> assertThat(b.cancelled()).isTrue());
        assertThat(fake.calls()).filteredOn(c -> c instanceof CancelBookingRequest).singleElement()
                .satisfies(c -> assertThat(((CancelBookingRequest) c).idempotencyKey().value()).isEqualTo(ret.id() + "/return-label-1/void"));
        assertThat(shop.events.events()).filteredOn(e -> e instanceof ReturnEvent.ReturnLabelVoidRequested
                || e instanceof ReturnEvent.ReturnLabelVoidAnswered).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ReturnLabelVoidRequested", "ReturnLabelVoidAnswered");
        assertThat(returns.cancel(ret.id(), "kept the shirts after all").label().status()).as("again: nothing more")
                .isEqualTo(ReturnLabel.Status.VOIDED);
        assertThat(fake.calls()).filteredOn(c -> c instanceof CancelBookingRequest).hasSize(1);
    }

    @Test
    void a_void_the_carrier_did_not_answer_is_finished_by_the_label_sweep_under_the_same_key() {
        Return ret = open("rq-1", ReturnMethod.mailIn(WH));
        fake.timeOutNext(true);

        Return cancelled = returns.cancel(ret.id(), "kept the shirts after all");

        assertThat(cancelled.label().status()).isEqualTo(ReturnLabel.Status.VOID_REQUESTED);
        assertThat(cancelled.labelOpen()).isTrue();

        assertThat(returns.reconcileLabels(10)).containsExactly(ret.id());

        assertThat(returns.find(ret.id()).orElseThrow().label().status()).isEqualTo(ReturnLabel.Status.VOIDED);
        assertThat(fake.calls()).filteredOn(c -> c instanceof CancelBookingRequest)
                .extracting(c -> ((CancelBookingRequest) c).idempotencyKey()).hasSize(2).containsOnly(ret.label().voidKey());
        assertThat(returns.reconcileLabels(10)).as("nothing left open").isEmpty();
    }

    @Test
    void a_return_cancelled_while_its_booking_is_unanswered_gets_that_booking_resolved_then_voided() {
        carriers.next = c -> c.timeOutNext(true);
        Return pending = open("rq-1", ReturnMethod.mailIn(WH));
        assertThat(pending.label().isPending()).isTrue();

        Return cancelled = returns.cancel(pending.id(), "kept the shirts after all");

        assertThat(cancelled.label().status()).isEqualTo(ReturnLabel.Status.VOIDED);
        assertThat(cancelled.label().key()).isEqualTo(pending.label().key());
        assertThat(fake.bookings()).as("the one label the carrier made, void").singleElement()
                .satisfies(b -> assertThat(b.cancelled()).isTrue());
    }

    @Test
    void a_label_already_collected_cannot_be_voided_and_says_why() {
        Return ret = open("rq-1", ReturnMethod.carrierCollection(WH));
        fake.collected(ret.label().label().bookingRef());

        Return cancelled = returns.cancel(ret.id(), "too late");

        assertThat(cancelled.label().status()).isEqualTo(ReturnLabel.Status.VOID_DECLINED);
        assertThat(cancelled.label().message()).contains("was collected");
        assertThat(cancelled.labelOpen()).isFalse();
        assertThat(returns.reconcileLabels(10)).isEmpty();
    }

    @Test
    void the_label_sweep_books_a_label_nobody_asked_about_again() {
        carriers.next = c -> c.timeOutNext(false);
        Return pending = open("rq-1", ReturnMethod.mailIn(WH));
        assertThat(pending.labelOpen()).isTrue();

        assertThat(returns.reconcileLabels(10)).containsExactly(pending.id());

        assertThat(returns.find(pending.id()).orElseThrow().label().isBooked()).isTrue();
        assertThat(fake.bookings()).hasSize(1);
    }

    @Test
    void an_order_collected_in_store_is_returned_by_mail_from_the_address_the_customer_gives() {
        Order collected = shop.collected(1);
        OpenReturnRequest withoutAddress = OpenReturnRequest.of(collected.id(), "rq-cc", Channel.APP, ReturnMethod.mailIn(WH),
                List.of(OpenReturnRequest.line(L1, 1, ReturnReason.DOES_NOT_FIT)));

        assertThatThrownBy(() -> returns.open(withoutAddress)).isInstanceOfSatisfying(io.omskit.core.common.ValidationException.class,
                e -> assertThat(e.problems()).extracting(io.omskit.core.common.Problem::field).containsExactly("method.from"));
        assertThat(returns.forOrder(collected.id())).isEmpty();

        io.omskit.core.order.Address home = new io.omskit.core.order.Address("A. Person", "Side Street 2", null, "Potsdam",
                "14467", "DE", null);
        Return ret = ((OpenResult.Opened) returns.open(OpenReturnRequest.of(collected.id(), "rq-cc", Channel.APP,
                ReturnMethod.mailIn(WH).from(home), List.of(OpenReturnRequest.line(L1, 1, ReturnReason.DOES_NOT_FIT))))).ret();

        assertThat(ret.label().isBooked()).isTrue();
        assertThat(fake.bookings()).singleElement().satisfies(b -> assertThat(b.request().destination()).isEqualTo(home));
        assertThat(returns.find(ret.id()).orElseThrow().method().from()).as("kept with the return").isEqualTo(home);
    }

    /** The fake, with a fault scripted after the next quote so that it hits the booking that follows. */
    static final class FaultAfterQuote implements CarrierGateway {
        private final FakeCarrierGateway delegate;
        Consumer<FakeCarrierGateway> next;

        FaultAfterQuote(FakeCarrierGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<CarrierService> services() {
            return delegate.services();
        }

        @Override
        public QuoteResult quote(QuoteRequest request) {
            QuoteResult result = delegate.quote(request);
            if (next != null) {
                next.accept(delegate);
                next = null;
            }
            return result;
        }

        @Override
        public BookingResult book(BookingRequest request) {
            return delegate.book(request);
        }

        @Override
        public CancellationResult cancel(CancelBookingRequest request) {
            return delegate.cancel(request);
        }
    }
}
