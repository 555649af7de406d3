package io.omskit.atp.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.atp.spi.ServiceLevel;
import io.omskit.atp.spi.TransitQuery;
import io.omskit.atp.spi.TransitTime;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import org.junit.jupiter.api.Test;

class TransitTableTest {

    private final Location berlin = Berlin.warehouse("WH-BERLIN").build();
    private final TransitTable table = TransitTable.builder()
            .band(ServiceLevel.STANDARD, 1_000, TransitTime.days(2, 3))
            .band(ServiceLevel.STANDARD, 200, TransitTime.days(1, 2))
            .band(ServiceLevel.EXPRESS, 500, TransitTime.days(1))
            .fallback(ServiceLevel.STANDARD, TransitTime.days(4, 6))
            .originZone(LocationId.of("WH-BERLIN"), "east")
            .postalZone("DE", "8", "south")
            .postalZone("DE", "83", "alps")
            .zone(ServiceLevel.STANDARD, "east", "south", TransitTime.days(2))
            .zone(ServiceLevel.STANDARD, "east", "alps", TransitTime.days(3, 4))
            .build();

    private TransitQuery query(ServiceLevel service, String postalCode, double km) {
        return new TransitQuery(service, berlin, "DE", postalCode, km < 0 ? null : GeoPoint.of(52, 13), km < 0 ? Double.NaN : km);
    }

    @Test
    void distance_bands_apply_in_order_of_their_limits() {
        assertThat(table.transit(query(ServiceLevel.STANDARD, null, 150))).isEqualTo(TransitTime.days(1, 2));
        assertThat(table.transit(query(ServiceLevel.STANDARD, null, 200))).isEqualTo(TransitTime.days(1, 2));
        assertThat(table.transit(query(ServiceLevel.STANDARD, null, 201))).isEqualTo(TransitTime.days(2, 3));
    }

    @Test
    void a_zone_pair_wins_over_distance_and_the_longest_postal_prefix_wins() {
        assertThat(table.transit(query(ServiceLevel.STANDARD, "80331", 500))).isEqualTo(TransitTime.days(2));
        assertThat(table.transit(query(ServiceLevel.STANDARD, "83471", 500))).isEqualTo(TransitTime.days(3, 4));
        assertThat(table.destinationZone("DE", "10115")).isNull();
    }

    @Test
    void beyond_every_band_or_without_a_position_the_fallback_applies() {
        assertThat(table.transit(query(ServiceLevel.STANDARD, null, 1_500))).isEqualTo(TransitTime.days(4, 6));
        assertThat(table.transit(query(ServiceLevel.STANDARD, "10115", -1))).isEqualTo(TransitTime.days(4, 6));
    }

    @Test
    void a_service_without_an_answer_is_not_offered() {
        assertThat(table.transit(query(ServiceLevel.EXPRESS, null, 600))).isNull();
        assertThat(table.transit(query(ServiceLevel.TRANSFER, null, 10))).isNull();
    }
}
