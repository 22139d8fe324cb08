package napster.indexer.jms;

/** Where a {@link RequestProcessor} hands its replies: sent at once, or once the index shows the change. */
interface Replies {
    void send(Requester requester, long timeToLiveMillis, ReplySender.Reply reply);
}
