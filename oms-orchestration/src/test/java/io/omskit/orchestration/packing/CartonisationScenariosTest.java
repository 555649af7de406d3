package io.omskit.orchestration.packing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class CartonisationScenariosTest {

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new java.math.BigDecimal(amount));
    }

    private static SkuAttributes item(String sku, int grams, int l, int w, int h) {
        return SkuAttributes.of(Sku.of(sku), sku, "test", grams, Dimensions.ofMillimetres(l, w, h), true);
    }

    private final CartonType small = CartonType.of("S", Dimensions.ofMillimetres(300, 200, 100), 10_000, eur("0.50"));
    private final CartonType large = CartonType.of("L", Dimensions.ofMillimetres(400, 300, 200), 20_000, eur("0.80"));
    private final SkuAttributes book = item("BOOK", 500, 300, 200, 100);

    @Test
    void pays_the_dimensional_weight_of_one_bigger_box_when_that_beats_a_second_box() {
        // S: 6,000 cm3 -> 1.2 kg dimensional, charged 2 kg; L: 24,000 cm3 -> 4.8 kg, charged 5 kg
        ParcelPricing tariff = ParcelPricing.chargeableWeight(eur("4.00"), eur("1.00"), 5_000);

        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(CartonCatalogue.of(List.of(small, large)), tariff).pack(List.of(PackLine.of(book, 2)));

        // two S: 2 x (0.50 + 4.00 + 2 x 1.00) = 13.00; one L: 0.80 + 4.00 + 5 x 1.00 = 9.80
        assertThat(packed.parcels()).hasSize(1);
        assertThat(packed.parcels().get(0).carton()).contains(large);
        assertThat(packed.totalCost()).isEqualTo(eur("9.80"));
        assertThat(packed.provedOptimal()).isTrue();
    }

    @Test
    void uses_two_small_boxes_when_the_dimensional_weight_of_the_big_one_costs_more() {
        ParcelPricing tariff = ParcelPricing.chargeableWeight(eur("0.00"), eur("2.00"), 5_000);

        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(CartonCatalogue.of(List.of(small, large)), tariff).pack(List.of(PackLine.of(book, 2)));

        // two S: 2 x (0.50 + 2 x 2.00) = 9.00; one L: 0.80 + 5 x 2.00 = 10.80
        assertThat(packed.parcels()).hasSize(2).allSatisfy(p -> assertThat(p.carton()).contains(small));
        assertThat(packed.totalCost()).isEqualTo(eur("9.00"));
    }

    @Test
    void ships_an_item_that_must_ship_alone_in_its_own_box() {
        SkuAttributes television = item("TV", 12_000, 1200, 800, 150);
        ParcelPricing tariff = ParcelPricing.chargeableWeight(eur("4.00"), eur("1.00"), 5_000);

        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(new CartonCatalogue(List.of(small, large), Set.of(television.sku())), tariff)
                .pack(List.of(PackLine.of(television, 1), PackLine.of(book, 1)));

        assertThat(packed.parcels()).hasSize(2);
        Parcel own = packed.parcels().get(1);
        assertThat(own.carton()).isEmpty();
        assertThat(own.placements()).extracting(Placement::sku).containsExactly(television.sku());
        assertThat(own.cartonCost()).isEqualTo(eur("0.00"));
        // 1200 x 800 x 150 mm = 144,000 cm3 -> 28.8 kg dimensional, charged 29 kg
        assertThat(own.price()).isEqualTo(eur("33.00"));
        assertThat(packed.parcels().get(0).carton()).contains(small);
        assertThat(packed.cartons()).isEqualTo(1);
    }

    @Test
    void turns_a_unit_on_its_side_when_it_only_fits_that_way() {
        SkuAttributes poster = item("POSTER", 200, 100, 100, 380);
        ParcelPricing tariff = ParcelPricing.chargeableWeight(eur("4.00"), eur("1.00"), 5_000);

        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(CartonCatalogue.of(List.of(small, large)), tariff).pack(List.of(PackLine.of(poster, 1)));

        Placement p = packed.parcels().get(0).placements().get(0);
        assertThat(packed.parcels().get(0).carton()).contains(large);
        assertThat(p.extent().heightMm()).isLessThanOrEqualTo(200);
        assertThat(p.extent()).isEqualTo(p.orientation().apply(poster.dimensions()));
    }

    @Test
    void reports_a_lower_bound_beside_the_answer() {
        ParcelPricing tariff = ParcelPricing.chargeableWeight(eur("4.00"), eur("1.00"), 5_000);
        CartonType tiny = CartonType.of("T", Dimensions.ofMillimetres(300, 200, 100), 600, eur("0.40"));

        CartonisationResult.Packed packed = (CartonisationResult.Packed) Cartoniser
                .of(CartonCatalogue.of(List.of(tiny)), tariff).pack(List.of(PackLine.of(book, 3)));

        assertThat(packed.bound().cartonsByVolume()).isEqualTo(3);
        assertThat(packed.bound().cartonsByWeight()).isEqualTo(3);
        assertThat(packed.bound().cartonsByLargeUnits()).isEqualTo(3);
        assertThat(packed.cartons()).isEqualTo(3);
        assertThat(packed.totalCost()).isEqualTo(packed.bound().cost());
    }

    @Test
    void refuses_units_no_carton_holds_as_a_result_not_an_exception() {
        SkuAttributes canoe = item("CANOE", 25_000, 4000, 700, 400);
        ParcelPricing tariff = ParcelPricing.chargeableWeight(eur("4.00"), eur("1.00"), 5_000);

        CartonisationResult result = Cartoniser.of(CartonCatalogue.of(List.of(small, large)), tariff)
                .pack(List.of(PackLine.of(canoe, 1), PackLine.of(book, 1)));

        assertThat(result.isPacked()).isFalse();
        assertThat(result.fold(p -> List.<CartonisationResult.TooBig>of(), CartonisationResult.Unpackable::units))
                .containsExactly(new CartonisationResult.TooBig(canoe.sku(), true, true));
    }

    @Test
    void refuses_a_sku_on_two_lines_naming_it() {
        ParcelPricing tariff = ParcelPricing.chargeableWeight(eur("4.00"), eur("1.00"), 5_000);

        assertThatThrownBy(() -> Cartoniser.of(CartonCatalogue.of(List.of(small)), tariff)
                .pack(List.of(PackLine.of(book, 1), PackLine.of(book, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines[1].item.sku BOOK must appear on one line only");
    }

    @Test
    void refuses_a_carton_whose_outside_is_smaller_than_its_inside() {
        assertThatThrownBy(() -> new CartonType("X", Dimensions.ofMillimetres(300, 200, 100),
                Dimensions.ofMillimetres(290, 210, 110), 0, 1000, eur("1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outer of carton X must be at least inner on every side");
    }
}
