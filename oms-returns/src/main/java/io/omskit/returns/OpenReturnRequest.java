package io.omskit.returns;

import io.omskit.core.channel.Channel;
import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import io.omskit.core.order.OrderId;
import io.omskit.returns.rma.Exchange;
import io.omskit.returns.rma.RefundTender;
import io.omskit.returns.rma.ReturnMethod;
import io.omskit.returns.rma.ReturnReason;
import java.util.List;

/**
 * A customer's request to return units of an order, from any channel.
 *
 * @param orderId    the order
 * @param requestKey the caller's key of the request (a form submission, a counter transaction): opening again with
 *                   the same key answers with the return opened the first time; 1 to 100 characters
 * @param openedFrom the channel the request comes from
 * @param method     how the goods come back and where to
 * @param refundTo   where refunds go
 * @param lines      the order lines and units to return, each with its reason
 * @param exchangeFor the units wanted in exchange; empty for a plain return
 */
public record OpenReturnRequest(OrderId orderId, String requestKey, Channel openedFrom, ReturnMethod method,
                                RefundTender refundTo, List<Line> lines, List<Exchange.Replacement> exchangeFor) {

    /**
     * Units of one order line to return.
     *
     * @param line     the order line
     * @param quantity units, at least 1
     * @param reason   why
     */
    public record Line(LineId line, int quantity, ReturnReason reason) {
        public Line {
            Checks.notNull(line, "line");
            Checks.notNull(reason, "reason");
        }
    }

    public OpenReturnRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
        exchangeFor = exchangeFor == null ? List.of() : List.copyOf(exchangeFor);
    }

    /** A request refunded to the original payment. */
    public static OpenReturnRequest of(OrderId orderId, String requestKey, Channel openedFrom, ReturnMethod method,
                                       List<Line> lines) {
        return new OpenReturnRequest(orderId, requestKey, openedFrom, method, RefundTender.ORIGINAL_PAYMENT, lines, List.of());
    }

    /** This request refunded to {@code tender}. */
    public OpenReturnRequest refundTo(RefundTender tender) {
        return new OpenReturnRequest(orderId, requestKey, openedFrom, method, tender, lines, exchangeFor);
    }

    /** This request as an exchange for {@code replacements}: their cost is paid first with the returned units' value. */
    public OpenReturnRequest exchangeFor(List<Exchange.Replacement> replacements) {
        return new OpenReturnRequest(orderId, requestKey, openedFrom, method, refundTo, lines, replacements);
    }

    /** {@code quantity} units of {@code line} for {@code reason}. */
    public static Line line(LineId line, int quantity, ReturnReason reason) {
        return new Line(line, quantity, reason);
    }
}
