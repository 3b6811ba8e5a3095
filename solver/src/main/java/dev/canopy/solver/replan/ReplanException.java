package dev.canopy.solver.replan;

/**
 * An event a session cannot apply: it names a node, channel or link the network does not have,
 * joins a node that is present, removes a channel's source, or comes before the session's time.
 * The session is left as it was before the batch.
 */
public final class ReplanException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The event's position in its batch, from 0. */
    private final int position;

    public ReplanException(int position, String message) {
        super(message);
        this.position = position;
    }

    /** The event's position in its batch, from 0. */
    public int position() {
        return position;
    }
}
