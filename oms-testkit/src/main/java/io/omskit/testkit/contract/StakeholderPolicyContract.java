package io.omskit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.fulfilment.FulfilmentKind;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.core.order.SellerRef;
import io.omskit.reporting.funds.spi.HandOver;
import io.omskit.reporting.funds.spi.Share;
import io.omskit.reporting.funds.spi.StakeholderPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StakeholderPolicy}. Extend it with one factory method:
 * <pre>{@code
 * class MyPolicyContractTest extends StakeholderPolicyContract {
 *     protected StakeholderPolicy newPolicy() { return new MyPartnerPolicy(testAgreements); }
 * }
 * }</pre>
 * The units asked about are hand-overs of every kind: delivered from a warehouse, a store or a drop-shipper ({@code
 * DS-1}, SKUs {@code SKU-1} to {@code SKU-3}), collected in a store, sold by a marketplace seller or not, in EUR and
 * GBP. A policy that needs data for some of them (a drop-shipper's cost price) may refuse those with
 * {@link IllegalArgumentException}; §4 needs units it cannot price ({@link #unitsLackingData()}), else it is skipped.
 * Each test's display name starts with the clause it checks; the property runs 200 tries (a subclass annotated with
 * {@code @PropertyDefaults(tries = n)} runs n).
 */
@PropertyDefaults(tries = 200)
public abstract class StakeholderPolicyContract {

    /** A new policy; called before each test and for the property. */
    protected abstract StakeholderPolicy newPolicy();

    /** Units the policy lacks data for (a SKU without a cost price at a drop-shipper); null (default) skips §4. */
    protected HandOver unitsLackingData() {
        return null;
    }

    /** The policy under test, new for each test. */
    protected StakeholderPolicy policy;

    @BeforeEach
    void createPolicy() {
        policy = newPolicy();
    }

    /** Units of {@code kind} handed over from a location of {@code type}, sold by {@code seller} (null: the retailer). */
    protected static HandOver units(FulfilmentKind kind, LocationType type, SellerRef seller, int units, Money paid) {
        LocationId location = LocationId.of(switch (type) {
            case WAREHOUSE -> "WH-1";
            case STORE -> "ST-1";
            case DROP_SHIPPER -> "DS-1";
        });
        LocationId handedOverBy = kind.isCollected() ? LocationId.of("ST-2") : null;
        return new HandOver(OrderId.of("ORDER-1"), seller == null ? Channel.WEB : Channel.MARKETPLACE, LineId.of("L1"),
                Sku.of("SKU-1"), seller, location, type, kind, handedOverBy, units, paid);
    }

    /** What the policy answers, or the refusal's message. */
    private Object answer(StakeholderPolicy p, HandOver units) {
        try {
            return p.shares(units);
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    @DisplayName("StakeholderPolicy §1: the retailer's own units delivered from a warehouse or a store get an answer,"
            + " never null, every share in the currency paid")
    void answers_in_the_currency_paid() {
        for (CurrencyUnit currency : List.of(CurrencyUnit.EUR, CurrencyUnit.GBP)) {
            Money paid = Money.of(currency, 59.90);
            for (LocationType type : List.of(LocationType.WAREHOUSE, LocationType.STORE)) {
                List<Share> shares = policy.shares(units(FulfilmentKind.SHIP_TO_CUSTOMER, type, null, 2, paid));

                assertThat(shares).isNotNull()
                        .allSatisfy(s -> assertThat(s.amount().getCurrencyUnit()).isEqualTo(currency));
            }
        }
    }

    @Test
    @DisplayName("StakeholderPolicy §2: a seller's units are answered too, in the currency paid")
    void answers_for_sellers() {
        Money paid = Money.of(CurrencyUnit.EUR, 100);

        List<Share> shares = policy.shares(units(FulfilmentKind.SHIP_TO_CUSTOMER, LocationType.WAREHOUSE,
                SellerRef.of("seller-9"), 1, paid));

        assertThat(shares).isNotNull().allSatisfy(s -> assertThat(s.amount().getCurrencyUnit()).isEqualTo(CurrencyUnit.EUR));
    }

    @Test
    @DisplayName("StakeholderPolicy §3: the same units get the same shares, also from 8 threads at once (a refund is"
            + " reversed by asking again)")
    void same_units_same_shares() throws Exception {
        List<HandOver> all = new ArrayList<>();
        for (FulfilmentKind kind : FulfilmentKind.values()) {
            for (LocationType type : LocationType.values()) {
                all.add(units(kind, type, null, 3, Money.of(CurrencyUnit.EUR, 33.33)));
                all.add(units(kind, type, SellerRef.of("seller-1"), 1, Money.of(CurrencyUnit.EUR, 0.01)));
            }
        }
        List<Object> expected = all.stream().map(u -> answer(policy, u)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Object>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return all.stream().map(u -> answer(policy, u)).toList();
                }));
            }
            start.countDown();
            for (Future<List<Object>> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("StakeholderPolicy §4: units the policy lacks data for are an IllegalArgumentException naming what is"
            + " missing")
    void lacking_data_is_an_illegal_argument() {
        HandOver lacking = unitsLackingData();
        Assumptions.assumeTrue(lacking != null, "the policy needs no data it could lack");

        assertThatThrownBy(() -> policy.shares(lacking)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(lacking.sku().value());
    }

    @Provide
    Arbitrary<HandOver> handOvers() {
        Arbitrary<FulfilmentKind> kinds = Arbitraries.of(FulfilmentKind.class);
        Arbitrary<LocationType> types = Arbitraries.of(LocationType.class);
        Arbitrary<SellerRef> sellers = Arbitraries.of("seller-1", "seller-2").map(SellerRef::of).injectNull(0.5);
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 20);
        Arbitrary<Money> paid = Combinators.combine(Arbitraries.of(CurrencyUnit.EUR, CurrencyUnit.GBP),
                Arbitraries.longs().between(0, 500_000)).as(Money::ofMinor);
        Arbitrary<String> skus = Arbitraries.of("SKU-1", "SKU-2", "SKU-3");
        return Combinators.combine(kinds, types, sellers, counts, paid, skus).as((k, t, s, n, p, sku) -> {
            HandOver u = units(k, t, s, n, p);
            return new HandOver(u.order(), u.channel(), u.line(), Sku.of(sku), u.seller(), u.location(),
                    u.locationType(), u.kind(), u.handedOverBy(), u.units(), u.paid());
        });
    }

    @Property
    @Label("StakeholderPolicy §1 §3: any units get shares in the currency paid, never the retailer's, or an"
            + " IllegalArgumentException; asked again, the same answer")
    void any_units_are_answered_alike(@ForAll("handOvers") HandOver units) {
        StakeholderPolicy p = newPolicy();

        Object first = answer(p, units);
        Object again = answer(p, units);

        assertThat(again).isEqualTo(first);
        if (first instanceof List<?> shares) {
            assertThat(shares).allSatisfy(s ->
                    assertThat(((Share) s).amount().getCurrencyUnit()).isEqualTo(units.paid().getCurrencyUnit()));
        }
    }
}
