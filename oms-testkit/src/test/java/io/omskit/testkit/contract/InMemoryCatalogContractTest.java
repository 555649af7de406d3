package io.omskit.testkit.contract;

import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.spi.Catalog;
import java.util.List;

/** The in-memory catalog passes the catalog TCK. */
class InMemoryCatalogContractTest extends CatalogContract {

    @Override
    protected Catalog newCatalog(List<SkuAttributes> contents) {
        return InMemoryCatalog.of(contents);
    }
}
