package io.omskit.core.inmemory;

import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.spi.Catalog;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Thread-safe in-memory {@link Catalog}. */
public final class InMemoryCatalog implements Catalog {

    private final ConcurrentHashMap<Sku, SkuAttributes> items = new ConcurrentHashMap<>();

    /** A catalog holding {@code attributes}. */
    public static InMemoryCatalog of(Collection<SkuAttributes> attributes) {
        InMemoryCatalog c = new InMemoryCatalog();
        attributes.forEach(c::put);
        return c;
    }

    /** Adds or replaces the attributes of a SKU. */
    public InMemoryCatalog put(SkuAttributes attributes) {
        items.put(attributes.sku(), attributes);
        return this;
    }

    @Override
    public Optional<SkuAttributes> find(Sku sku) {
        return Optional.ofNullable(items.get(sku));
    }

    /** The number of SKUs. */
    public int size() {
        return items.size();
    }
}
