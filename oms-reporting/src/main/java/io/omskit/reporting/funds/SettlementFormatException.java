package io.omskit.reporting.funds;

import io.omskit.core.common.Problem;
import io.omskit.core.common.ValidationException;
import java.util.List;

/**
 * A settlement report had malformed rows. Each {@link Problem} names the row's line and column as its field
 * ({@code line 12, Gross Credit (GC)}), the value found and the rule it breaks.
 */
public class SettlementFormatException extends ValidationException {

    /**
     * @param report   which report, such as {@code Adyen settlement details report}
     * @param problems every problem found (readers stop collecting after a hundred); not empty
     */
    public SettlementFormatException(String report, List<Problem> problems) {
        super(report, problems);
    }
}
