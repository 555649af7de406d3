package io.omskit.returns.jackson;

import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.returns.rma.ReturnEvent;

/**
 * Registers the return events under their stable JSON type names ({@code return.authorised}, {@code return.received},
 * ...), as later modules do on {@link OmsJacksonModule}:
 * <pre>{@code
 * ObjectMapper mapper = OmsJson.newMapper(ReturnsJson.module());
 * // or, with another module's names too:
 * OmsJacksonModule module = ReturnsJson.register(OmsJacksonModule.builder()).family(...).build();
 * }</pre>
 * A return and its values are records and need no registration.
 */
public final class ReturnsJson {

    private ReturnsJson() {
    }

    /**
     * {@code builder} with the return event family and its names added.
     *
     * @throws IllegalArgumentException when one of the names is taken by another type in {@code builder}
     */
    public static OmsJacksonModule.Builder register(OmsJacksonModule.Builder builder) {
        return builder.family(ReturnEvent.class)
                .subtype(ReturnEvent.ReturnAuthorised.class, "return.authorised")
                .subtype(ReturnEvent.ReturnLabelRequested.class, "return.label-requested")
                .subtype(ReturnEvent.ReturnLabelIssued.class, "return.label-issued")
                .subtype(ReturnEvent.ReturnLabelDeclined.class, "return.label-declined")
                .subtype(ReturnEvent.ReturnLabelVoidRequested.class, "return.label-void-requested")
                .subtype(ReturnEvent.ReturnLabelVoidAnswered.class, "return.label-void-answered")
                .subtype(ReturnEvent.ReturnInTransit.class, "return.in-transit")
                .subtype(ReturnEvent.ReturnReceived.class, "return.received")
                .subtype(ReturnEvent.ReturnInspected.class, "return.inspected")
                .subtype(ReturnEvent.RefundRequested.class, "return.refund-requested")
                .subtype(ReturnEvent.ReturnRefunded.class, "return.refunded")
                .subtype(ReturnEvent.StoreCreditIssued.class, "return.store-credit-issued")
                .subtype(ReturnEvent.RefundDeclined.class, "return.refund-declined")
                .subtype(ReturnEvent.ReturnCompleted.class, "return.completed")
                .subtype(ReturnEvent.ReturnClosed.class, "return.closed")
                .subtype(ReturnEvent.ReturnCancelled.class, "return.cancelled")
                .subtype(ReturnEvent.ReplacementPlaced.class, "return.replacement-placed")
                .subtype(ReturnEvent.ReplacementFailed.class, "return.replacement-failed");
    }

    /** Core's module with the return names added. */
    public static OmsJacksonModule module() {
        return register(OmsJacksonModule.builder()).build();
    }
}
