package napster.common.protocol;

/** A JSON message exchanged through the broker; {@link MessageTypes} names each kind on the wire. */
public sealed interface Message
        permits Register, Update, Unregister, Heartbeat, Search, Browse, ListPeers, Ack, SearchResult, BrowseResult,
        PeerList, ErrorReply,
        Reannounce, PeerChanged, FilesChanged {
}
