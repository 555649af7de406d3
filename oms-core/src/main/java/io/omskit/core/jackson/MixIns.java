package io.omskit.core.jackson;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.omskit.core.network.Location;
import io.omskit.core.network.Network;
import io.omskit.core.payment.Tender;
import java.util.Collection;
import java.util.List;

/** Jackson annotations for domain types, kept out of the domain classes and applied as mix-ins. */
final class MixIns {

    private MixIns() {
    }

    /**
     * Applied to every polymorphic family: the concrete type is written and read as a registered name in
     * the {@code type} property. {@link JsonTypeInfo.Id#NAME} resolves only names registered with the module,
     * never class names.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY,
            property = OmsJacksonModule.TYPE_PROPERTY)
    abstract static class Polymorphic {
    }

    /** {@link Network} as {@code {"locations":[...]}}, read back through {@link Network#of}. */
    @JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
            fieldVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    abstract static class NetworkMixIn {

        @JsonCreator
        static Network of(@JsonProperty(value = "locations", required = true) Collection<Location> locations) {
            throw new UnsupportedOperationException("mix-in");
        }

        @JsonProperty("locations")
        abstract List<Location> locations();
    }

    /** A payment of an order with one payment writes no tenders, exactly as before tenders existed. */
    abstract static class PaymentSummaryMixIn {

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<Tender> tenders();
    }

    /** An intent of an order with one payment names no tender, exactly as before tenders existed. */
    abstract static class PaymentIntentMixIn {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String tender();
    }

    /** An {@code Order} without notes is written without the {@code notes} property: documents stay as they were. */
    abstract static class OrderMixIn {

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        abstract List<io.omskit.core.order.OrderNote> notes();
    }

    /** A line sold within stock is written as before backorders existed: without a {@code backorder}. */
    abstract static class OrderLineMixIn {

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        abstract io.omskit.core.order.LineBackorder backorder();
    }

    /** Counts without units awaiting stock are written as before backorders existed. */
    abstract static class UnitCountsMixIn {

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        abstract int awaitingStock();
    }

    /** An order its customer placed is written without {@code placedBy}: documents stay as they were. */
    abstract static class OrderPlacedMixIn {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract io.omskit.core.order.Actor placedBy();
    }
}
