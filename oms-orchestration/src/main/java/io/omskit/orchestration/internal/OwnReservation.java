package io.omskit.orchestration.internal;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.Reservation;
import io.omskit.core.inventory.ReservationLine;
import io.omskit.core.network.Network;
import io.omskit.orchestration.stock.SkuStock;
import io.omskit.orchestration.stock.StockSnapshot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A live snapshot seen by the order that holds a reservation: the units the reservation holds at a location are
 * added there (allocation converts them directly), and the units it holds network-wide raise the network limit
 * (allocation lets them go before drawing on the positions). Thread-safe when the base snapshot is.
 */
public final class OwnReservation implements StockSnapshot {

    private final StockSnapshot base;
    private final Map<Sku, List<ReservationLine>> held = new HashMap<>();
    private final Network network;

    private OwnReservation(StockSnapshot base, Reservation reservation, Network network) {
        this.base = base;
        this.network = network;
        for (ReservationLine line : reservation.held()) {
            held.computeIfAbsent(line.sku(), s -> new java.util.ArrayList<>(1)).add(line);
        }
    }

    /** {@code base} as the holder of {@code reservation} sees it; dense indexes are those of {@code network}. */
    public static StockSnapshot over(StockSnapshot base, Reservation reservation, Network network) {
        return reservation.held().isEmpty() ? base : new OwnReservation(base, reservation, network);
    }

    @Override
    public SkuStock stock(Sku sku) {
        SkuStock stock = base.stock(sku);
        List<ReservationLine> lines = held.get(sku);
        if (lines == null) {
            return stock;
        }
        int[] locations = new int[stock.size() + lines.size()];
        int[] units = new int[locations.length];
        for (int k = 0; k < stock.size(); k++) {
            locations[k] = stock.location(k);
            units[k] = stock.units(k);
        }
        int n = stock.size();
        long own = 0;
        for (ReservationLine line : lines) {
            own += line.quantity();
            if (line.isNetworkWide()) {
                continue;
            }
            int index = network.indexOf(line.location());
            if (index < 0) {
                continue;
            }
            int k = 0;
            while (k < n && locations[k] != index) {
                k++;
            }
            if (k == n) {
                locations[n++] = index;
            }
            units[k] += line.quantity();
        }
        SkuStock mine = SkuStock.of(Arrays.copyOf(locations, n), Arrays.copyOf(units, n));
        if (stock.networkLimit() == Integer.MAX_VALUE) {
            return mine;
        }
        return mine.withNetworkLimit((int) Math.min(Integer.MAX_VALUE, stock.networkLimit() + own));
    }
}
