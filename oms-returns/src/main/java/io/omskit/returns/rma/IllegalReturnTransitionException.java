package io.omskit.returns.rma;

import java.util.Set;

/** A command was sent to a return whose status does not accept it, or whose state forbids it (the detail says why). */
public class IllegalReturnTransitionException extends IllegalStateException {

    private final ReturnId returnId;
    private final ReturnStatus status;
    private final ReturnCommand command;

    public IllegalReturnTransitionException(ReturnId returnId, ReturnStatus status, ReturnCommand command, String detail) {
        super("return " + returnId + " in status " + status + " cannot " + command
                + (detail == null ? "" : " (" + detail + ")") + "; allowed commands: " + ReturnTransitions.allowed(status));
        this.returnId = returnId;
        this.status = status;
        this.command = command;
    }

    public ReturnId returnId() { return returnId; }
    public ReturnStatus status() { return status; }
    public ReturnCommand command() { return command; }
    /** The commands the return's status would have accepted. */
    public Set<ReturnCommand> allowed() { return ReturnTransitions.allowed(status); }
}
