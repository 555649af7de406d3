package io.omskit.testkit.sourcing;

import io.omskit.core.catalog.Sku;
import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;
import io.omskit.orchestration.spi.CostRule;
import io.omskit.orchestration.spi.CostSink;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Map;

/**
 * A cost rule read from explicit tables, for tests whose expected costs are computed by hand or by brute force:
 * per shipment per location, per unit per location and SKU, and a last-units protection per location.
 *
 * @param name         the rule's name
 * @param perShipment  cost per shipment by location (missing: 0)
 * @param perUnit      cost per unit by location then SKU (missing: 0)
 * @param lastUnits    units protected per location (missing: 0)
 * @param lastUnitCost extra cost per protected unit taken, by location (missing: 0)
 */
public record TableCost(String name, Map<LocationId, Double> perShipment, Map<LocationId, Map<Sku, Double>> perUnit,
                        Map<LocationId, Integer> lastUnits, Map<LocationId, Double> lastUnitCost) implements CostRule {

    public TableCost {
        Checks.notBlank(name, "name");
        perShipment = Map.copyOf(perShipment);
        perUnit = Map.copyOf(perUnit);
        lastUnits = Map.copyOf(lastUnits);
        lastUnitCost = Map.copyOf(lastUnitCost);
    }

    /** The table entries of one location. */
    public record Entries(LocationId location, double perShipment, Map<Sku, Double> perUnit, int lastUnits,
                          double lastUnitCost) implements Justification {
        @Override
        public String summary() {
            return location + ": " + perShipment + " per shipment, per unit " + perUnit + ", last " + lastUnits
                    + " unit(s) at " + lastUnitCost;
        }
    }

    /** The per-shipment cost at {@code location}. */
    public double shipment(LocationId location) {
        return perShipment.getOrDefault(location, 0.0);
    }

    /** The per-unit cost of {@code sku} at {@code location}. */
    public double unit(LocationId location, Sku sku) {
        return perUnit.getOrDefault(location, Map.of()).getOrDefault(sku, 0.0);
    }

    /** The units protected at {@code location}. */
    public int protectedUnits(LocationId location) {
        return lastUnits.getOrDefault(location, 0);
    }

    /** The extra cost of a protected unit at {@code location}. */
    public double protectedUnitCost(LocationId location) {
        return lastUnitCost.getOrDefault(location, 0.0);
    }

    @Override
    public void price(SourcingContext context, int location, CostSink sink) {
        LocationId id = context.location(location).id();
        sink.perShipment(shipment(id));
        for (int i = 0; i < context.itemCount(); i++) {
            sink.perUnit(i, unit(id, context.item(i).sku()));
            if (protectedUnits(id) > 0) {
                sink.lastUnits(i, protectedUnits(id), protectedUnitCost(id));
            }
        }
    }

    @Override
    public Justification justify(SourcingContext context, int location) {
        LocationId id = context.location(location).id();
        return new Entries(id, shipment(id), perUnit.getOrDefault(id, Map.of()), protectedUnits(id), protectedUnitCost(id));
    }
}
