package io.omskit.core.fulfilment;

import java.util.Set;

/** A command was sent to a fulfilment whose status (or kind) does not accept it; nothing changed. */
public class IllegalFulfilmentTransitionException extends IllegalStateException {

    private final FulfilmentId fulfilmentId;
    private final FulfilmentStatus status;
    private final FulfilmentCommand command;
    private final Set<FulfilmentCommand> allowed;

    public IllegalFulfilmentTransitionException(Fulfilment fulfilment, FulfilmentCommand command, String detail) {
        super("fulfilment " + fulfilment.id() + " (" + fulfilment.kind() + " at " + fulfilment.location() + ") in status "
                + fulfilment.status() + " cannot " + command + (detail == null ? "" : " (" + detail + ")")
                + "; allowed commands: " + FulfilmentTransitions.allowed(fulfilment.status(), fulfilment.kind()));
        this.fulfilmentId = fulfilment.id();
        this.status = fulfilment.status();
        this.command = command;
        this.allowed = FulfilmentTransitions.allowed(fulfilment.status(), fulfilment.kind());
    }

    public FulfilmentId fulfilmentId() { return fulfilmentId; }

    public FulfilmentStatus status() { return status; }

    public FulfilmentCommand command() { return command; }

    /** The commands the fulfilment would have accepted. */
    public Set<FulfilmentCommand> allowed() { return allowed; }
}
