package io.omskit.core.transfer;

/** A transfer was asked to do what its status does not allow; nothing changed. */
public class IllegalTransferTransitionException extends IllegalStateException {

    private final TransferId transfer;
    private final TransferStatus status;
    private final String command;

    /** {@code command} is not allowed for {@code transfer} in {@code status}. */
    public IllegalTransferTransitionException(TransferId transfer, TransferStatus status, String command) {
        super("transfer " + transfer + " is " + status + " and cannot " + command + "; allowed: " + allowed(status));
        this.transfer = transfer;
        this.status = status;
        this.command = command;
    }

    private static String allowed(TransferStatus status) {
        return switch (status) {
            case REQUESTED -> "ship, cancel";
            case SHIPPED, PART_RECEIVED -> "receive, closeShort";
            case RECEIVED, CLOSED_SHORT, CANCELLED -> "nothing (final)";
        };
    }

    /** The transfer. */
    public TransferId transfer() {
        return transfer;
    }

    /** Its status when the command was refused. */
    public TransferStatus status() {
        return status;
    }

    /** The refused command. */
    public String command() {
        return command;
    }
}
