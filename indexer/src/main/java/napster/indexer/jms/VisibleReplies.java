package napster.indexer.jms;

import java.util.function.Consumer;

/**
 * Replies to changes sent only once searches can see the change (see
 * {@link napster.indexer.index.FileIndex#afterChangesVisible}), in the order the requests came:
 * a peer that has its ack can count on its files being found. They are sent from the index's
 * own thread, through a session of their own.
 */
final class VisibleReplies implements Replies {
    private final ReplySender sender;
    private final Consumer<Runnable> afterChangesVisible;

    VisibleReplies(ReplySender sender, Consumer<Runnable> afterChangesVisible) {
        this.sender = sender;
        this.afterChangesVisible = afterChangesVisible;
    }

    @Override
    public void send(Requester requester, long timeToLiveMillis, ReplySender.Reply reply) {
        afterChangesVisible.accept(() -> sender.send(requester, timeToLiveMillis, reply));
    }
}
