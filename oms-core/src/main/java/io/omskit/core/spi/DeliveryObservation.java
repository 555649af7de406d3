package io.omskit.core.spi;

import io.omskit.core.common.Checks;
import io.omskit.core.shipping.CarrierService;
import io.omskit.core.shipping.Lane;
import java.util.UUID;

/**
 * One delivered parcel as an {@link OnTimeRecordStore} counts it.
 *
 * @param id      what makes recording it again harmless: the id of the tracking event that reported the delivery
 * @param service the carrier service that carried it
 * @param lane    the lane it travelled
 * @param onTime  whether it arrived on or before the promised day
 */
public record DeliveryObservation(UUID id, CarrierService service, Lane lane, boolean onTime) {

    public DeliveryObservation {
        Checks.notNull(id, "id");
        Checks.notNull(service, "service");
        Checks.notNull(lane, "lane");
    }
}
