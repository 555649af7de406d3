package io.omskit.core.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Change;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.network.LocationId;
import io.omskit.core.order.CancellationReason;
import io.omskit.core.order.LineId;
import io.omskit.core.order.LineQuantity;
import io.omskit.core.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Any sequence of commands on a fulfilment of any kind keeps it legal: a command is accepted exactly when the transition
 * table allows it (and its input is valid), leads to the status the table says, raises one event of the new version,
 * and every unit the fulfilment was given stays in exactly one place (being fulfilled, rejected or cancelled).
 */
class FulfilmentLifecycleProperties {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final LocationId STORE = LocationId.of("ST-1");
    private static final Map<LineId, Integer> GIVEN = Map.of(LineId.of("1"), 3, LineId.of("2"), 1);

    /** What the chain works on: the fulfilment and the clock. */
    static final class State {
        Fulfilment fulfilment;
        Instant now = T0;

        State(FulfilmentKind kind) {
            List<FulfilmentLine> lines = List.of(FulfilmentLine.of(LineId.of("1"), Sku.of("MUG"), 3),
                    FulfilmentLine.of(LineId.of("2"), Sku.of("TEE"), 1));
            fulfilment = Fulfilment.offer(FulfilmentId.of("F-1"), OrderId.of("O-1"), kind,
                    kind == FulfilmentKind.COLLECT_IN_STORE ? STORE : LocationId.of("WH-1"), STORE, AllocationKey.of("A-1"), lines,
                    "1234", T0).state();
        }

        @Override
        public String toString() {
            return fulfilment.kind() + " " + fulfilment.status() + " " + fulfilment.lines();
        }
    }

    @Property(tries = 300)
    void any_command_sequence_keeps_the_fulfilment_legal(@ForAll("chains") ActionChain<State> chain) {
        chain.withInvariant("every unit in exactly one place, the status agrees with the units", s -> {
            Fulfilment f = s.fulfilment;
            for (FulfilmentLine l : f.lines()) {
                assertThat(l.given()).as("units of line %s", l.line()).isEqualTo(GIVEN.get(l.line()));
            }
            if (f.status() == FulfilmentStatus.REJECTED || f.status() == FulfilmentStatus.CANCELLED
                    || f.status() == FulfilmentStatus.EXPIRED) {
                assertThat(f.quantity()).as("nothing left to fulfil when %s", f.status()).isZero();
            } else {
                assertThat(f.quantity()).as("something left to fulfil when %s", f.status()).isPositive();
            }
            assertThat(f.history()).hasSize((int) f.version());
            assertThat(f.collectBy() != null).as("a deadline once ready for collection")
                    .isEqualTo(f.kind().isCollected() && (f.status() == FulfilmentStatus.READY_FOR_COLLECTION
                            || f.status() == FulfilmentStatus.COLLECTED || f.status() == FulfilmentStatus.EXPIRED
                            || (f.status() == FulfilmentStatus.CANCELLED && f.collectBy() != null)));
        }).run();
    }

    @Provide
    Arbitrary<ActionChain<State>> chains() {
        return Arbitraries.of(FulfilmentKind.class).flatMap(kind -> ActionChain.startWith(() -> new State(kind))
                .withAction(new Command()).withMaxTransformations(25));
    }

    /** One command, picked at random whatever the status: the table decides whether it is accepted. */
    private static final class Command implements Action.Independent<State> {
        @Override
        public Arbitrary<Transformer<State>> transformer() {
            Arbitrary<FulfilmentCommand> commands = Arbitraries.of(FulfilmentCommand.class);
            return commands.flatMap(c -> Arbitraries.integers().between(0, 4).map(n -> Transformer.mutate(c + " " + n,
                    s -> apply(s, c, n))));
        }
    }

    private static void apply(State s, FulfilmentCommand command, int n) {
        Fulfilment before = s.fulfilment;
        s.now = s.now.plus(Duration.ofHours(n * 20L));
        Instant now = s.now;
        List<LineQuantity> some = new ArrayList<>();
        for (FulfilmentLine l : before.lines()) {
            if (l.quantity() > 0 && some.isEmpty()) {
                some.add(LineQuantity.of(l.line(), Math.min(l.quantity(), 1 + n % 3)));
            }
        }
        Function<Fulfilment, Change<Fulfilment, FulfilmentEvent>> run = switch (command) {
            case ACCEPT -> f -> f.accept(now);
            case REJECT -> f -> f.reject(n == 0 ? f.units() : some, "shelf empty", now);
            case START_PICKING -> f -> f.startPicking(now);
            case PACK -> f -> f.pack(Duration.ofDays(2), now);
            case SHIP -> f -> f.ship(ShipmentDetails.of("P-" + n, "DHL", ""), List.of(), now);
            case ARRIVE -> f -> f.arrive(Duration.ofDays(2), now);
            case COLLECT -> f -> f.collect(STORE, n == 4 ? "9999" : "1234", now);
            case DELIVER -> f -> f.deliver("POD", now);
            case EXPIRE -> f -> f.expire(now);
            case CANCEL -> f -> f.cancel(n < 2 ? null : some, CancellationReason.CUSTOMER_REQUEST, now);
        };
        boolean allowed = FulfilmentTransitions.isAllowed(before.status(), before.kind(), command);
        assertThat(allowed).as("the table allows %s in %s for %s", command, before.status(), before.kind())
                .isEqualTo(lifecycle(before.status(), before.kind(), command));
        Change<Fulfilment, FulfilmentEvent> change;
        try {
            change = run.apply(before);
        } catch (IllegalFulfilmentTransitionException refused) {
            assertThat(allowed && !(command == FulfilmentCommand.EXPIRE && now.isBefore(before.collectBy())))
                    .as("%s refused in %s: %s", command, before.status(), refused.getMessage()).isFalse();
            assertThat(refused.allowed()).isEqualTo(FulfilmentTransitions.allowed(before.status(), before.kind()));
            return;
        } catch (IllegalArgumentException badInput) {
            assertThat(allowed).as("bad input is only reported for a command the status allows").isTrue();
            assertThat(Set.of(FulfilmentCommand.REJECT, FulfilmentCommand.CANCEL, FulfilmentCommand.COLLECT)).contains(command);
            return;
        }
        assertThat(allowed).as("%s accepted in %s", command, before.status()).isTrue();
        Fulfilment after = change.state();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(change.events()).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(after.version());
            assertThat(e.fulfilmentId()).isEqualTo(before.id());
        });
        assertThat(after.history()).endsWith(change.events().get(0));
        assertThat(after.status()).isIn(expectedAfter(before, command, after));
        s.fulfilment = after;
    }

    /** The lifecycle as the issue states it, written out again independently of the table under test. */
    private static boolean lifecycle(FulfilmentStatus status, FulfilmentKind kind, FulfilmentCommand command) {
        boolean collected = kind == FulfilmentKind.COLLECT_IN_STORE || kind == FulfilmentKind.SHIP_TO_STORE;
        return switch (status) {
            case OFFERED -> command == FulfilmentCommand.ACCEPT || command == FulfilmentCommand.REJECT
                    || command == FulfilmentCommand.CANCEL;
            case ACCEPTED -> command == FulfilmentCommand.START_PICKING || command == FulfilmentCommand.REJECT
                    || command == FulfilmentCommand.CANCEL;
            case PICKING -> command == FulfilmentCommand.PACK || command == FulfilmentCommand.REJECT
                    || command == FulfilmentCommand.CANCEL;
            case READY_TO_SHIP -> command == FulfilmentCommand.SHIP || command == FulfilmentCommand.CANCEL;
            case READY_FOR_COLLECTION -> collected && (command == FulfilmentCommand.COLLECT
                    || command == FulfilmentCommand.EXPIRE) || command == FulfilmentCommand.CANCEL;
            case SHIPPED -> kind == FulfilmentKind.SHIP_TO_STORE ? command == FulfilmentCommand.ARRIVE
                    : !collected && command == FulfilmentCommand.DELIVER;
            case DELIVERED, COLLECTED, REJECTED, CANCELLED, EXPIRED -> false;
        };
    }

    /** The statuses the table leads to from {@code before} by {@code command}. */
    private static Set<FulfilmentStatus> expectedAfter(Fulfilment before, FulfilmentCommand command, Fulfilment after) {
        return switch (command) {
            case ACCEPT -> Set.of(FulfilmentStatus.ACCEPTED);
            case START_PICKING -> Set.of(FulfilmentStatus.PICKING);
            case PACK -> Set.of(before.kind() == FulfilmentKind.COLLECT_IN_STORE
                    ? FulfilmentStatus.READY_FOR_COLLECTION : FulfilmentStatus.READY_TO_SHIP);
            case SHIP -> Set.of(FulfilmentStatus.SHIPPED);
            case ARRIVE -> Set.of(FulfilmentStatus.READY_FOR_COLLECTION);
            case COLLECT -> Set.of(FulfilmentStatus.COLLECTED);
            case DELIVER -> Set.of(FulfilmentStatus.DELIVERED);
            case EXPIRE -> Set.of(FulfilmentStatus.EXPIRED);
            case REJECT -> after.quantity() == 0 ? Set.of(FulfilmentStatus.REJECTED) : Set.of(before.status());
            case CANCEL -> after.quantity() == 0 ? Set.of(FulfilmentStatus.CANCELLED) : Set.of(before.status());
        };
    }
}
