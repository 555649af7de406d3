package io.omskit.testkit.arbitraries;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.Allocation;
import io.omskit.core.inventory.AllocationKey;
import io.omskit.core.inventory.AllocationLine;
import io.omskit.core.inventory.AllocationRequest;
import io.omskit.core.inventory.AllocationResult;
import io.omskit.core.inventory.ChannelExposure;
import io.omskit.core.inventory.ExposurePolicy;
import io.omskit.core.inventory.InboundSupply;
import io.omskit.core.inventory.MovementKey;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationKey;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.inventory.ReservationRequest;
import io.omskit.core.inventory.ReservationResult;
import io.omskit.core.inventory.ReservationStatus;
import io.omskit.core.inventory.Shortage;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.inventory.StockMovement;
import io.omskit.core.inventory.StockPosition;
import io.omskit.core.inventory.StockThresholds;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.channel.Channel;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Stock positions, the ledger, reservations, allocations and their results; catalog attributes. */
final class StockGen {

    private StockGen() {
    }

    static Arbitrary<Sku> skus() {
        return ValueGen.identifiers("SKU").map(Sku::of);
    }

    static Arbitrary<LocationId> locationIds() {
        return Arbitraries.of("WH", "ST", "DS").flatMap(ValueGen::identifiers).map(LocationId::of);
    }

    /** Consistent positions: on hand covers reserved plus allocated, as the stock contract promises. */
    static Arbitrary<StockPosition> stockPositions(Arbitrary<Sku> skus, Arbitrary<LocationId> locations) {
        Arbitrary<Integer> counts = Arbitraries.integers().between(0, 10_000).edgeCases(e -> e.includeOnly(0, 1));
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 500);
        return Combinators.combine(skus, locations, counts, Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1), small, small, small)
                .flatAs((sku, location, onHand, reservedShare, allocatedShare, safety, inbound, returns) -> {
                    int reserved = (int) (onHand * reservedShare);
                    int allocated = (int) ((onHand - reserved) * allocatedShare);
                    return small.map(quarantine -> new StockPosition(sku, location, onHand, reserved, allocated, safety,
                            inbound, returns, quarantine));
                });
    }

    static Arbitrary<StockThresholds> stockThresholds() {
        return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.integers().between(1, 10_000))
                .as((low, extra) -> new StockThresholds(low, low + extra));
    }

    static Arbitrary<StockMovement> stockMovements(Arbitrary<Sku> skus, Arbitrary<LocationId> locations) {
        return Combinators.combine(ValueGen.identifiers("MV").map(MovementKey::of), skus, locations,
                        Arbitraries.of(MovementReason.class), Arbitraries.integers().between(1, 1_000), ValueGen.instants(),
                        ValueGen.optionalText())
                .as(StockMovement::of);
    }

    /** Adjustments; those announcing inbound stock carry an ETA, others sometimes one. */
    static Arbitrary<StockAdjustment> stockAdjustments() {
        return Arbitraries.of(MovementReason.class).flatMap(reason -> Combinators.combine(
                        ValueGen.identifiers("ADJ").map(MovementKey::of), skus(), locationIds(),
                        Arbitraries.integers().between(1, 1_000),
                        reason == MovementReason.INBOUND_EXPECTED ? ValueGen.instants() : ValueGen.instants().injectNull(0.7),
                        ValueGen.optionalText())
                .as((key, sku, location, quantity, eta, reference) ->
                        new StockAdjustment(key, sku, location, reason, quantity, eta, reference)));
    }

    static Arbitrary<InboundSupply> inboundSupplies() {
        return Combinators.combine(skus(), locationIds(), Arbitraries.integers().between(1, 1_000), ValueGen.instants(),
                ValueGen.optionalText()).as(InboundSupply::new);
    }

    static Arbitrary<ReservationLine> reservationLines(Arbitrary<Sku> skus) {
        return Combinators.combine(skus, locationIds().injectNull(0.5), Arbitraries.integers().between(1, 50))
                .as(ReservationLine::new);
    }

    static Arbitrary<AllocationLine> allocationLines(Arbitrary<Sku> skus) {
        return Combinators.combine(skus, locationIds(), Arbitraries.integers().between(1, 50)).as(AllocationLine::new);
    }

    static Arbitrary<Shortage> shortages() {
        return Combinators.combine(skus(), locationIds().injectNull(0.5), Arbitraries.integers().between(1, 100),
                        Arbitraries.integers().between(0, 99))
                .as((sku, location, requested, available) -> new Shortage(sku, location, requested, Math.min(available, requested - 1)));
    }

    static Arbitrary<ReservationRequest> reservationRequests() {
        return Combinators.combine(ValueGen.identifiers("RES").map(ReservationKey::of), ValueGen.optionalText(),
                        reservationLines(skus()).list().ofMinSize(1).ofMaxSize(4), ValueGen.instants().injectNull(0.5))
                .as(ReservationRequest::new);
    }

    /** Reservations whose held lines are the requested ones while active and nothing otherwise. */
    static Arbitrary<Reservation> reservations() {
        return Combinators.combine(ValueGen.identifiers("RES").map(ReservationKey::of), ValueGen.optionalText(),
                        reservationLines(skus()).list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(ReservationStatus.class),
                        ValueGen.instants(), Arbitraries.longs().between(60, 86_400).injectNull(0.3))
                .as((key, reference, lines, status, createdAt, ttl) -> new Reservation(key, reference, lines,
                        status == ReservationStatus.ACTIVE ? lines : List.of(), status, createdAt,
                        ttl == null ? null : createdAt.plusSeconds(ttl)));
    }

    static Arbitrary<AllocationRequest> allocationRequests() {
        return Combinators.combine(ValueGen.identifiers("ALLOC").map(AllocationKey::of), ValueGen.optionalText(),
                        allocationLines(skus()).list().ofMinSize(1).ofMaxSize(4),
                        ValueGen.identifiers("RES").map(ReservationKey::of).injectNull(0.5))
                .as(AllocationRequest::new);
    }

    /** Allocations whose open lines are a prefix of the requested ones. */
    static Arbitrary<Allocation> allocations() {
        return Combinators.combine(ValueGen.identifiers("ALLOC").map(AllocationKey::of), ValueGen.optionalText(),
                        allocationLines(skus()).list().ofMinSize(1).ofMaxSize(4), Arbitraries.integers().between(0, 4),
                        ValueGen.identifiers("RES").map(ReservationKey::of).injectNull(0.5), ValueGen.instants())
                .as((key, reference, lines, open, reservation, createdAt) -> new Allocation(key, reference, lines,
                        lines.subList(0, Math.min(open, lines.size())), reservation, createdAt));
    }

    static Arbitrary<ReservationResult> reservationResults() {
        return Arbitraries.oneOf(
                Combinators.combine(reservations(), Arbitraries.of(true, false)).as(ReservationResult.Reserved::new),
                shortages().list().ofMinSize(1).ofMaxSize(3).map(ReservationResult.Insufficient::new));
    }

    static Arbitrary<AllocationResult> allocationResults() {
        return Arbitraries.oneOf(
                Combinators.combine(allocations(), Arbitraries.of(true, false)).as(AllocationResult.Allocated::new),
                shortages().list().ofMinSize(1).ofMaxSize(3).map(AllocationResult.Insufficient::new));
    }

    static Arbitrary<AdjustmentResult> adjustmentResults() {
        Arbitrary<AdjustmentResult> applied = stockMovements(skus(), locationIds()).flatMap(m ->
                Combinators.combine(stockPositions(Arbitraries.just(m.sku()), Arbitraries.just(m.location())),
                        Arbitraries.of(true, false)).as((p, replayed) -> new AdjustmentResult.Applied(m, p, replayed)));
        Arbitrary<AdjustmentResult> refused = Combinators.combine(stockAdjustments(), ValueGen.text(1, 60))
                .as(AdjustmentResult.Refused::new);
        return Arbitraries.oneOf(applied, refused);
    }

    /** Exposure policies: some location types, a buffer, sometimes excluded locations. */
    static Arbitrary<ExposurePolicy> exposurePolicies() {
        return Combinators.combine(Arbitraries.subsetOf(LocationType.values()), Arbitraries.integers().between(0, 20),
                        locationIds().set().ofMaxSize(3))
                .as(ExposurePolicy::new);
    }

    /** Exposures giving 0 to all channels a policy of their own. */
    static Arbitrary<ChannelExposure> channelExposures() {
        return Combinators.combine(Arbitraries.subsetOf(Channel.values()), exposurePolicies().list().ofSize(Channel.values().length))
                .as((channels, policies) -> {
                    ChannelExposure exposure = ChannelExposure.everything();
                    for (Channel c : channels) {
                        exposure = exposure.with(c, policies.get(c.ordinal()));
                    }
                    return exposure;
                });
    }

    static Arbitrary<Dimensions> dimensions() {
        Arbitrary<Integer> mm = Arbitraries.integers().between(1, 2_000);
        return Combinators.combine(mm, mm, mm).as(Dimensions::new);
    }

    /** Plain SKUs and bundles; a bundle never contains itself. */
    static Arbitrary<SkuAttributes> skuAttributes(Arbitrary<Sku> skus) {
        Arbitrary<List<BundleComponent>> components = Combinators.combine(skus(), Arbitraries.integers().between(1, 5))
                .as(BundleComponent::new).list().ofMaxSize(3).uniqueElements(BundleComponent::sku);
        return Combinators.combine(skus, ValueGen.text(1, 60), ValueGen.text(1, 30), Arbitraries.integers().between(0, 50_000),
                        dimensions(), Arbitraries.of(true, false),
                        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<BundleComponent>of())), Tuple.of(1, components)))
                .as((sku, name, category, weight, dims, returnable, parts) -> new SkuAttributes(sku, name, category, weight,
                        dims, returnable, parts.stream().filter(p -> !p.sku().equals(sku)).toList()));
    }
}
