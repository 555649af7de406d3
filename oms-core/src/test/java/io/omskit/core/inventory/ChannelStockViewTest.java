package io.omskit.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.channel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A marketplace sees only warehouse stock minus a buffer, while the web shop sees every location. */
class ChannelStockViewTest {

    private static final Sku JACKET = Sku.of("JACKET-M");
    private static final LocationId WH1 = LocationId.of("WH1");
    private static final LocationId WH2 = LocationId.of("WH2");
    private static final LocationId STORE = LocationId.of("STORE-7");
    private static final LocationId DROP = LocationId.of("DROP-1");
    private static final LocationId UNLISTED = LocationId.of("POPUP");

    private final Network network = Network.of(List.of(
            Location.builder(WH1, LocationType.WAREHOUSE, GeoPoint.of(51.5, -0.1)).build(),
            Location.builder(WH2, LocationType.WAREHOUSE, GeoPoint.of(53.4, -2.2)).build(),
            Location.builder(STORE, LocationType.STORE, GeoPoint.of(51.4, -0.3)).build(),
            Location.builder(DROP, LocationType.DROP_SHIPPER, GeoPoint.of(48.8, 2.3)).build()));
    private final InMemoryInventoryStore store =
            InMemoryInventoryStore.create(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final ChannelExposure exposure = ChannelExposure.everything()
            .with(Channel.MARKETPLACE, ExposurePolicy.of(Set.of(LocationType.WAREHOUSE), 2));
    private final StockView view = StockView.of(store, network, exposure);

    private void stock() {
        store.load(JACKET, WH1, 10);
        store.load(JACKET, WH2, 1);
        store.load(JACKET, STORE, 4);
        store.load(JACKET, DROP, 6);
        store.load(JACKET, UNLISTED, 3);
    }

    @Test
    void marketplace_sees_warehouses_minus_two_per_location() {
        stock();

        assertThat(view.availableFor(Channel.MARKETPLACE, JACKET)).as("(10 - 2) + max(0, 1 - 2)").isEqualTo(8);
        assertThat(view.availableFor(Channel.WEB, JACKET)).as("every known location, no buffer").isEqualTo(21);
    }

    @Test
    void network_wide_reservations_come_off_every_channel_but_never_below_zero() {
        stock();
        store.reserve(new ReservationRequest(ReservationKey.of("cart"), "", List.of(ReservationLine.anywhere(JACKET, 20)), null));

        assertThat(view.networkAvailable(JACKET)).isEqualTo(4);
        assertThat(view.availableFor(Channel.WEB, JACKET)).isEqualTo(1);
        assertThat(view.availableFor(Channel.MARKETPLACE, JACKET)).isZero();
    }

    @Test
    void pinned_reservations_and_safety_stock_lower_the_position_first() {
        stock();
        store.setSafetyStock(JACKET, WH1, 3);
        store.reserve(new ReservationRequest(ReservationKey.of("cart"), "", List.of(ReservationLine.at(JACKET, WH1, 4)), null));

        assertThat(view.availableByLocation(JACKET)).containsExactly(Map.entry(DROP, 6), Map.entry(UNLISTED, 3),
                Map.entry(STORE, 4), Map.entry(WH1, 3), Map.entry(WH2, 1));
        assertThat(view.availableFor(Channel.MARKETPLACE, JACKET)).as("(3 - 2) + 0").isEqualTo(1);
    }

    @Test
    void stock_by_location_type_counts_only_locations_of_the_network() {
        stock();

        assertThat(view.availableByLocationType(JACKET)).containsExactly(Map.entry(LocationType.WAREHOUSE, 11),
                Map.entry(LocationType.STORE, 4), Map.entry(LocationType.DROP_SHIPPER, 6));
        assertThat(view.networkAvailable(JACKET)).as("the store still counts the unlisted pop-up").isEqualTo(24);
        assertThat(view.availableByLocationType(Sku.of("NEVER-STOCKED")).values()).containsOnly(0);
    }

    @Test
    void excluded_locations_are_hidden_whatever_their_type() {
        stock();
        StockView appView = StockView.of(store, network, ChannelExposure.everything()
                .with(Channel.APP, ExposurePolicy.everything().excluding(STORE, DROP)));

        assertThat(appView.availableFor(Channel.APP, JACKET)).isEqualTo(11);
        assertThat(appView.availableFor(Channel.CONTACT_CENTRE, JACKET)).isEqualTo(21);
    }

    @Test
    void a_policy_without_types_shows_nothing() {
        stock();
        StockView none = StockView.of(store, network, ChannelExposure.everything()
                .with(Channel.STORE, new ExposurePolicy(EnumSet.noneOf(LocationType.class), 0, null)));

        assertThat(none.availableFor(Channel.STORE, JACKET)).isZero();
    }

    @Test
    void policies_validate_and_default_to_everything() {
        assertThatThrownBy(() -> ExposurePolicy.of(Set.of(LocationType.STORE), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bufferPerLocation");
        assertThat(ChannelExposure.everything().policyFor(Channel.MARKETPLACE)).isEqualTo(ExposurePolicy.everything());
        assertThat(exposure.policyFor(Channel.MARKETPLACE).bufferPerLocation()).isEqualTo(2);
        assertThat(ExposurePolicy.of(Set.of(LocationType.WAREHOUSE), 2).exposed(1)).isZero();
    }
}
