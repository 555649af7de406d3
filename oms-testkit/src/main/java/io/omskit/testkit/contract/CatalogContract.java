package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.catalog.BundleComponent;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.spi.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Catalog}. Extend it with one factory method that gives a catalog holding exactly the
 * attributes it is handed (a test instance of the host's catalog, seeded with them):
 * <pre>{@code
 * class MyCatalogContractTest extends CatalogContract {
 *     protected Catalog newCatalog(List<SkuAttributes> contents) { return MyCatalog.seededWith(contents); }
 * }
 * }</pre>
 * Each test's display name starts with the clause it checks. The property runs 50 tries, each with a new catalog; a
 * slow adapter annotates its subclass with {@code @PropertyDefaults(tries = 10)}.
 */
@PropertyDefaults(tries = 50)
public abstract class CatalogContract {

    /** A catalog holding exactly {@code contents} (plain SKUs and bundles); called before each test and per try. */
    protected abstract Catalog newCatalog(List<SkuAttributes> contents);

    protected static final Sku SHIRT = Sku.of("CONTRACT-SHIRT");
    protected static final Sku SOCKS = Sku.of("CONTRACT-SOCKS");
    protected static final Sku OUTFIT = Sku.of("CONTRACT-OUTFIT");
    protected static final Sku UNKNOWN = Sku.of("CONTRACT-NEVER-LISTED");

    private static final Dimensions BOX = Dimensions.ofMillimetres(300, 200, 50);

    /** A plain shirt, plain socks, and an outfit bundling one shirt and three pairs of socks. */
    protected static List<SkuAttributes> sampleContents() {
        return List.of(
                SkuAttributes.of(SHIRT, "Shirt", "apparel", 250, BOX, true),
                SkuAttributes.of(SOCKS, "Socks", "apparel", 60, BOX, false),
                new SkuAttributes(OUTFIT, "Outfit", "bundles", 430, BOX, true,
                        List.of(new BundleComponent(SHIRT, 1), new BundleComponent(SOCKS, 3))));
    }

    /** The catalog under test, holding {@link #sampleContents()}, new for each test. */
    protected Catalog catalog;

    @BeforeEach
    void createCatalog() {
        catalog = newCatalog(sampleContents());
    }

    @Test
    @DisplayName("Catalog §1: find answers the attributes the catalog holds for a SKU, bundle components included")
    void finds_what_it_holds() {
        for (SkuAttributes held : sampleContents()) {
            assertThat(catalog.find(held.sku())).contains(held);
        }
        assertThat(catalog.find(OUTFIT)).hasValueSatisfying(a -> assertThat(a.isBundle()).isTrue());
    }

    @Test
    @DisplayName("Catalog §2: find of a SKU the catalog does not hold is empty, not null and not an exception")
    void unknown_sku_is_empty() {
        Optional<SkuAttributes> found = catalog.find(UNKNOWN);

        assertThat(found).isNotNull().isEmpty();
    }

    @Test
    @DisplayName("Catalog §3: the stock units of a plain SKU are the SKU itself; of an unknown SKU too")
    void plain_and_unknown_skus_are_their_own_stock_units() {
        assertThat(catalog.stockUnits(SHIRT, 4)).isEqualTo(Map.of(SHIRT, 4));
        assertThat(catalog.stockUnits(UNKNOWN, 2)).isEqualTo(Map.of(UNKNOWN, 2));
    }

    @Test
    @DisplayName("Catalog §4: the stock units of a bundle are its components times the quantity, never the bundle itself")
    void bundles_expand_into_components() {
        Map<Sku, Integer> units = catalog.stockUnits(OUTFIT, 2);

        assertThat(units).isEqualTo(Map.of(SHIRT, 2, SOCKS, 6));
        assertThat(units).doesNotContainKey(OUTFIT);
    }

    @Test
    @DisplayName("Catalog §5: 8 threads looking up at once all get the catalog's answers")
    void concurrent_lookups_agree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Optional<SkuAttributes>>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Optional<SkuAttributes>> seen = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        seen.add(catalog.find(i % 2 == 0 ? OUTFIT : UNKNOWN));
                    }
                    return seen;
                }));
            }
            start.countDown();
            SkuAttributes outfit = sampleContents().get(2);
            for (Future<List<Optional<SkuAttributes>>> f : futures) {
                List<Optional<SkuAttributes>> seen = f.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < seen.size(); i++) {
                    assertThat(seen.get(i)).isEqualTo(i % 2 == 0 ? Optional.of(outfit) : Optional.empty());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Provide
    Arbitrary<List<Integer>> componentQuantities() {
        return Arbitraries.integers().between(1, 5).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property
    @Label("Catalog §4: any bundle sold in any quantity takes each component times its quantity, components named"
            + " twice counted together")
    void any_bundle_expands_exactly(@ForAll("componentQuantities") List<Integer> quantities,
                                    @ForAll @IntRange(min = 1, max = 50) int sold) {
        List<SkuAttributes> contents = new ArrayList<>();
        List<BundleComponent> components = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            // components i and i + 2 share a SKU, so a SKU may be named twice
            Sku part = Sku.of("CONTRACT-PART-" + (i % 2));
            components.add(new BundleComponent(part, quantities.get(i)));
        }
        contents.add(SkuAttributes.of(Sku.of("CONTRACT-PART-0"), "Part 0", "parts", 10, BOX, true));
        contents.add(SkuAttributes.of(Sku.of("CONTRACT-PART-1"), "Part 1", "parts", 10, BOX, true));
        Sku kit = Sku.of("CONTRACT-KIT");
        contents.add(new SkuAttributes(kit, "Kit", "bundles", 20, BOX, true, components));
        Catalog c = newCatalog(contents);

        Map<Sku, Integer> units = c.stockUnits(kit, sold);

        int even = 0;
        int odd = 0;
        for (int i = 0; i < quantities.size(); i++) {
            if (i % 2 == 0) {
                even += quantities.get(i);
            } else {
                odd += quantities.get(i);
            }
        }
        assertThat(units.get(Sku.of("CONTRACT-PART-0"))).isEqualTo(even * sold);
        assertThat(units.get(Sku.of("CONTRACT-PART-1"))).isEqualTo(odd == 0 ? null : odd * sold);
        assertThat(units).doesNotContainKey(kit);
    }
}
