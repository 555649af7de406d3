package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.BookingAttempt;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.shipping.Label;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class ConcurrentBookingTest {

    @RepeatedTest(20)
    void nodes_booking_the_same_parcel_at_once_get_one_label_between_them() throws Exception {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 5);
        FulfilmentId id = f.packedParcel("W-C", 1);
        Parcel box = Parcel.of(800, 200, 150, 100);
        Quote paket = f.oms.fulfilments().quote(id, box).quotes().stream()
                .filter(q -> q.service().toString().equals("DHL PAKET")).findFirst().orElseThrow();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BookingAttempt>> attempts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return f.oms.fulfilments().book(id, box, paket);
                }));
            }
            start.countDown();
            List<Label> labels = new ArrayList<>();
            for (Future<BookingAttempt> a : attempts) {
                BookingAttempt attempt = a.get(10, TimeUnit.SECONDS);
                assertThat(attempt.isBooked()).isTrue();
                labels.add(((BookingAttempt.Booked) attempt).label());
            }

            assertThat(f.carriers.bookings()).hasSize(1);
            assertThat(labels).containsOnly(f.carriers.bookings().get(0).label());
            assertThat(f.oms.fulfilments().get(id).booking().attempt()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
