package io.omskit.returns;

import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import io.omskit.returns.policy.Refusal;
import io.omskit.returns.rma.Return;
import java.util.List;
import java.util.function.Function;

/** The answer to a request to return: opened (perhaps without some lines), or refused with every line's reason. */
public sealed interface OpenResult {

    /** Whether a return was opened. */
    boolean isOpened();

    /** The lines the policy refused, each with its reason; empty when none. */
    List<RefusedLine> refused();

    <T> T fold(Function<Opened, T> onOpened, Function<Refused, T> onRefused);

    /** A line the policy refused. */
    record RefusedLine(LineId line, Refusal refusal) {
        public RefusedLine {
            Checks.notNull(line, "line");
            Checks.notNull(refusal, "refusal");
        }
    }

    /**
     * The return was authorised with the lines the policy accepted.
     *
     * @param ret     the return as it stands
     * @param refused the lines left out, each with its reason (empty on a repeated request)
     */
    record Opened(Return ret, List<RefusedLine> refused) implements OpenResult {
        public Opened {
            Checks.notNull(ret, "ret");
            refused = List.copyOf(refused);
        }
        @Override public boolean isOpened() { return true; }
        @Override public <T> T fold(Function<Opened, T> o, Function<Refused, T> r) { return o.apply(this); }
    }

    /** Every line was refused; nothing was opened. */
    record Refused(List<RefusedLine> refused) implements OpenResult {
        public Refused {
            refused = List.copyOf(refused);
        }
        @Override public boolean isOpened() { return false; }
        @Override public <T> T fold(Function<Opened, T> o, Function<Refused, T> r) { return r.apply(this); }
    }
}
