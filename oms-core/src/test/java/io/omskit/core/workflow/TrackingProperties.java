package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.Fulfilment;
import io.omskit.core.fulfilment.FulfilmentEvent;
import io.omskit.core.fulfilment.FulfilmentId;
import io.omskit.core.shipping.Parcel;
import io.omskit.core.shipping.Quote;
import io.omskit.core.shipping.TrackingEvent;
import io.omskit.core.shipping.TrackingStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever way a parcel's reports arrive (duplicated, reordered, histories re-sent), the fulfilment ends the same. */
class TrackingProperties {

    record Report(int minutes, TrackingStatus status, Integer estimateDays) {
    }

    @Provide
    Arbitrary<List<Report>> histories() {
        Arbitrary<Report> report = Combinators.combine(Arbitraries.integers().between(0, 6 * 24 * 60),
                Arbitraries.of(TrackingStatus.class), Arbitraries.integers().between(0, 6).injectNull(0.6)).as(Report::new);
        return report.list().ofMinSize(1).ofMaxSize(8).uniqueElements(r -> List.of(r.minutes(), r.status()));
    }

    @Property(tries = 100)
    void any_duplication_reordering_or_resend_of_a_history_gives_the_same_final_state(
            @ForAll("histories") List<Report> history, @ForAll long seed) {
        Ending inOrder = deliver(history, ordered(history));
        Ending scrambled = deliver(history, scrambled(history, new Random(seed)));

        assertThat(scrambled).isEqualTo(inOrder);
    }

    /** What must not depend on arrival: the alerts raised on the way do (they say what was news when it came). */
    record Ending(Object fulfilmentStatus, Object orderStatus, Object tracking, long deliveriesRecorded) {
    }

    private static List<Integer> ordered(List<Report> history) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            indexes.add(i);
        }
        indexes.sort((a, b) -> Integer.compare(history.get(a).minutes(), history.get(b).minutes()));
        return indexes;
    }

    /** Every report at least once, some twice, in random order, with the whole history re-sent somewhere in between. */
    private static List<Integer> scrambled(List<Report> history, Random random) {
        List<Integer> arrivals = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            arrivals.add(i);
            if (random.nextInt(3) == 0) {
                arrivals.add(i);
            }
        }
        Collections.shuffle(arrivals, random);
        int resendAt = random.nextInt(arrivals.size() + 1);
        arrivals.addAll(resendAt, ordered(history));
        return arrivals;
    }

    private static Ending deliver(List<Report> history, List<Integer> arrivals) {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 5);
        FulfilmentId id = f.packedParcel("W-T", 1);
        Parcel box = Parcel.of(800, 200, 150, 100);
        Quote paket = f.oms.fulfilments().quote(id, box).quotes().stream()
                .filter(q -> q.service().toString().equals("DHL PAKET")).findFirst().orElseThrow();
        Fulfilment booked = f.oms.fulfilments().book(id, box, paket).fulfilment();
        Map<Integer, TrackingEvent> reports = new LinkedHashMap<>();
        for (int i = 0; i < history.size(); i++) {
            Report r = history.get(i);
            TrackingEvent e = TrackingEvent.of("DHL", booked.booking().trackingNumber(), r.status(), r.status().name(),
                    NOW.plusSeconds(60L * r.minutes()));
            reports.put(i, r.estimateDays() == null ? e : e.withEstimatedDelivery(LocalDate.of(2026, 3, 2).plusDays(r.estimateDays())));
        }
        for (int i : arrivals) {
            f.oms.fulfilments().track(reports.get(i));
        }
        Fulfilment end = f.oms.fulfilments().get(id);
        return new Ending(end.status(), f.oms.order(end.orderId()).orElseThrow().status(), end.booking().tracking(),
                f.events.events(FulfilmentEvent.ParcelDeliveryRecorded.class).size());
    }
}
