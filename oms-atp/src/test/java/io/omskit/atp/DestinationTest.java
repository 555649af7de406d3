package io.omskit.atp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.atp.calendar.Berlin;
import io.omskit.core.network.GeoPoint;
import org.junit.jupiter.api.Test;

class DestinationTest {

    @Test
    void a_destination_without_a_region_has_none() {
        Destination d = Destination.of("DE", "10115", GeoPoint.of(52.53, 13.38), Berlin.ZONE);
        assertThat(d.region()).isNull();
        assertThat(d.inRegion("be")).isEqualTo(new Destination("DE", "be", "10115", GeoPoint.of(52.53, 13.38), Berlin.ZONE));
    }

    @Test
    void a_malformed_region_is_refused_naming_the_field_and_value() {
        Destination d = Destination.postalCode("DE", "80331");
        assertThatThrownBy(() -> d.inRegion("by ern")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region").hasMessageContaining("'by ern'");
        assertThatThrownBy(() -> d.inRegion("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> d.inRegion("abcdefghijk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_region_needs_a_country() {
        assertThatThrownBy(() -> new Destination(null, "by", "80331", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a countryCode");
    }

    @Test
    void a_malformed_country_is_refused() {
        assertThatThrownBy(() -> Destination.postalCode("de", "80331")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countryCode").hasMessageContaining("'de'");
        assertThatThrownBy(() -> Destination.postalCode("DEU", "80331")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_postal_code_is_masked_when_printed() {
        assertThat(Destination.postalCode("DE", "80331").inRegion("by").toString()).isEqualTo("Destination[DE-by *****]");
    }
}
