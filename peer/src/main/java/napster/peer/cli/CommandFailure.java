package napster.peer.cli;

/** A command could not do what was asked (not found, ambiguous, ...); the message is one sentence, exit 1. */
public class CommandFailure extends Exception {
    public CommandFailure(String message) {
        super(message);
    }
}
