package io.omskit.core.workflow;

import static io.omskit.core.workflow.OmsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.fulfilment.ShipmentDetails;
import io.omskit.core.network.LocationId;
import io.omskit.core.transfer.IllegalTransferTransitionException;
import io.omskit.core.transfer.Transfer;
import io.omskit.core.transfer.TransferId;
import io.omskit.core.transfer.TransferLine;
import io.omskit.core.transfer.TransferReason;
import io.omskit.core.transfer.TransferRequest;
import io.omskit.core.transfer.TransferStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Transfers never lose or invent a unit: whatever requests, shipments, receipts in full or in part, closings short, cancellations and repeats happen in
 * whatever order, the units on hand plus those on the road plus those written off as lost in transit stay what they were, each location's inbound is what is on
 * its way to it, and what a source holds for transfers is what it has not shipped yet.
 */
class TransferLedgerProperties {

    enum Step { REQUEST, SHIP, RECEIVE, RECEIVE_SOME, CLOSE_SHORT, CANCEL }

    record Op(Step step, int transfer, boolean toStore, int units) {
    }

    @Provide
    Arbitrary<Op> ops() {
        return Combinators.combine(Arbitraries.of(Step.class), Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false), Arbitraries.integers().between(1, 12)).as(Op::new);
    }

    @Property(tries = 200)
    void no_unit_is_lost_or_invented(@ForAll @Size(max = 30) List<@net.jqwik.api.From("ops") Op> ops) {
        OmsFixture f = new OmsFixture().stock(MUG, WH, 20).stock(MUG, STORE, 5);
        int count = 0;
        for (Op op : ops) {
            count++;
            TransferId id = TransferId.of("T-" + op.transfer());
            try {
                switch (op.step()) {
                    case REQUEST -> f.oms.transfers().request(new TransferRequest(id, op.toStore() ? WH : STORE,
                            op.toStore() ? STORE : WH, TransferReason.RESTOCK, List.of(TransferLine.of(MUG, op.units())),
                            NOW.plus(Duration.ofDays(1))));
                    case SHIP -> f.oms.transfers().ship(id, ShipmentDetails.of("truck-" + op.transfer(), "fleet", ""));
                    case RECEIVE -> f.oms.transfers().receive(id);
                    case RECEIVE_SOME -> f.oms.transfers().receive(id, "DN-" + count, List.of(TransferLine.of(MUG, op.units())));
                    case CLOSE_SHORT -> f.oms.transfers().closeShort(id, "lost in transit");
                    case CANCEL -> f.oms.transfers().cancel(id, "not needed");
                }
            } catch (io.omskit.core.common.ValidationException overCounted) {
                // more units counted in than are still expected: refused, nothing changed
            } catch (IllegalTransferTransitionException refused) {
                // a step its status does not allow changes nothing
            } catch (IllegalArgumentException unknownOrReused) {
                // an unknown transfer, or its id reused for other units, changes nothing
            }
            checkLedger(f);
        }
    }

    private static void checkLedger(OmsFixture f) {
        int onRoad = 0;
        int lost = 0;
        int[] expected = new int[2];
        int[] held = new int[2];
        for (int i = 0; i < 4; i++) {
            Optional<Transfer> t = f.oms.transfers().find(TransferId.of("T-" + i));
            if (t.isEmpty()) {
                continue;
            }
            int units = t.get().quantity();
            int outstanding = t.get().outstanding().stream().mapToInt(TransferLine::quantity).sum();
            int to = t.get().to().equals(STORE) ? 1 : 0;
            if (t.get().status() == TransferStatus.SHIPPED || t.get().status() == TransferStatus.PART_RECEIVED) {
                onRoad += outstanding;
            }
            expected[to] += outstanding;
            lost += t.get().lost().stream().mapToInt(TransferLine::quantity).sum();
            if (t.get().status() == TransferStatus.REQUESTED) {
                held[1 - to] += units;
            }
        }
        LocationId[] at = {WH, STORE};
        int onHand = 0;
        for (int i = 0; i < 2; i++) {
            onHand += f.inventory.position(MUG, at[i]).onHand();
            assertThat(f.inventory.position(MUG, at[i]).inbound()).as("inbound at %s", at[i]).isEqualTo(expected[i]);
            assertThat(f.inventory.position(MUG, at[i]).allocated()).as("held for transfers at %s", at[i]).isEqualTo(held[i]);
            assertThat(f.inventory.position(MUG, at[i]).availableToSell()).isNotNegative();
        }
        assertThat(onHand + onRoad + lost).as("units on hand plus on the road plus written off in transit").isEqualTo(25);
    }
}
