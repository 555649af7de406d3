package io.omskit.returns;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inventory.AdjustmentResult;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.spi.Catalog;
import io.omskit.core.spi.InventoryStore;
import io.omskit.returns.rma.Inspection;
import io.omskit.returns.rma.Receipt;
import io.omskit.returns.rma.Return;
import io.omskit.returns.rma.ReturnLine;
import io.omskit.returns.rma.ReturnStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stock movements a return's state calls for at its destination, each under a key fixed by the return's id and the
 * step it records, so that making them again (a retry, the next command) changes nothing:
 * <ul>
 * <li>authorised: every unit is announced, {@link MovementReason#RETURN_EXPECTED} (returns in transit +);</li>
 * <li>inspected: restocked units {@link MovementReason#RETURN_RESTOCKED} (sellable at once); any other disposition
 *     {@link MovementReason#RETURN_TO_QUARANTINE}, then for a write-off or a return to the vendor
 *     {@link MovementReason#QUARANTINE_WRITE_OFF};</li>
 * <li>units nobody announced (more than authorised, a wrong item): announced and quarantined when received;</li>
 * <li>closed or cancelled: units that never arrived, {@link MovementReason#RETURN_CANCELLED}.</li>
 * </ul>
 * So returns in transit at the destination count units announced and not yet inspected. Bundles move as their
 * components.
 */
final class ReturnStock {

    private final InventoryStore inventory;
    private final Catalog catalog;

    ReturnStock(InventoryStore inventory, Catalog catalog) {
        this.inventory = inventory;
        this.catalog = catalog;
    }

    /** Makes every movement {@code ret} calls for (those made before are replays). */
    void sync(Return ret) {
        for (StockAdjustment a : movements(ret)) {
            AdjustmentResult result = inventory.adjust(a);
            if (result instanceof AdjustmentResult.Refused refused) {
                throw new IllegalStateException("stock movement " + a.key() + " (" + a.reason() + " of " + a.quantity() + " "
                        + a.sku() + " at " + a.location() + ") for return " + ret.id() + " was refused: " + refused.reason());
            }
        }
    }

    /** The movements {@code ret} calls for, in the order they are made. */
    List<StockAdjustment> movements(Return ret) {
        List<StockAdjustment> out = new ArrayList<>();
        String prefix = "ret-" + ret.id();
        String reference = "return " + ret.id() + " of order " + ret.orderId();
        for (int i = 0; i < ret.lines().size(); i++) {
            ReturnLine l = ret.lines().get(i);
            add(out, prefix + "-l" + i + "-expected", l.sku(), l.quantity(), MovementReason.RETURN_EXPECTED, ret, reference);
        }
        for (Receipt receipt : ret.receipts()) {
            for (int k = 0; k < receipt.unexpected().size(); k++) {
                Receipt.Unexpected u = receipt.unexpected().get(k);
                String key = prefix + "-r" + receipt.number() + "-u" + k;
                add(out, key + "-expected", u.sku(), u.quantity(), MovementReason.RETURN_EXPECTED, ret, reference);
                add(out, key + "-quarantined", u.sku(), u.quantity(), MovementReason.RETURN_TO_QUARANTINE, ret, reference);
            }
        }
        for (Inspection in : ret.inspections()) {
            ReturnLine l = ret.line(in.line()).orElseThrow();
            String key = prefix + "-i" + in.number();
            switch (in.disposition()) {
                case RESTOCK -> add(out, key, l.sku(), in.quantity(), MovementReason.RETURN_RESTOCKED, ret, reference);
                case QUARANTINE, REFURBISH -> add(out, key, l.sku(), in.quantity(), MovementReason.RETURN_TO_QUARANTINE, ret, reference);
                case WRITE_OFF, RETURN_TO_VENDOR -> {
                    add(out, key, l.sku(), in.quantity(), MovementReason.RETURN_TO_QUARANTINE, ret, reference);
                    add(out, key + "-out", l.sku(), in.quantity(), MovementReason.QUARANTINE_WRITE_OFF, ret, reference);
                }
            }
        }
        if (ret.status() == ReturnStatus.CLOSED || ret.status() == ReturnStatus.CANCELLED) {
            for (int i = 0; i < ret.lines().size(); i++) {
                ReturnLine l = ret.lines().get(i);
                if (l.outstanding() > 0) {
                    add(out, prefix + "-l" + i + "-never-arrived", l.sku(), l.outstanding(), MovementReason.RETURN_CANCELLED, ret,
                            reference);
                }
            }
        }
        return out;
    }

    private void add(List<StockAdjustment> out, String key, Sku sku, int quantity, MovementReason reason, Return ret,
                     String reference) {
        Map<Sku, Integer> units = catalog.stockUnits(sku, quantity);
        int c = 0;
        for (Map.Entry<Sku, Integer> e : units.entrySet()) {
            String k = units.size() == 1 ? key : key + "-c" + c++;
            out.add(StockAdjustment.of(k, e.getKey(), ret.method().destination(), reason, e.getValue(), reference));
        }
    }
}
