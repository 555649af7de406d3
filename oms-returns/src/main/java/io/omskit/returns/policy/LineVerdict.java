package io.omskit.returns.policy;

import io.omskit.core.common.Checks;
import java.util.function.Function;

/** The policy's answer for one line: accepted, or refused with its reason. */
public sealed interface LineVerdict {

    /** Whether the line may be returned. */
    boolean isAccepted();

    <T> T fold(Function<Accepted, T> onAccepted, Function<Refused, T> onRefused);

    /** The line may be returned. */
    record Accepted() implements LineVerdict {
        @Override public boolean isAccepted() { return true; }
        @Override public <T> T fold(Function<Accepted, T> a, Function<Refused, T> r) { return a.apply(this); }
    }

    /** The line may not be returned, for {@code refusal}. */
    record Refused(Refusal refusal) implements LineVerdict {
        public Refused {
            Checks.notNull(refusal, "refusal");
        }
        @Override public boolean isAccepted() { return false; }
        @Override public <T> T fold(Function<Accepted, T> a, Function<Refused, T> r) { return r.apply(this); }
    }

    /** Accepted. */
    static LineVerdict accepted() {
        return new Accepted();
    }

    /** Refused for {@code reason}, with {@code detail} for people. */
    static LineVerdict refused(Refusal.Reason reason, String detail) {
        return new Refused(new Refusal(reason, detail));
    }
}
