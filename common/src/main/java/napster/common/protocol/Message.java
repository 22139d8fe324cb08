package napster.common.protocol;

/** A JSON message exchanged through the broker; {@link MessageTypes} names each kind on the wire. */
public sealed interface Message
        permits Register, Update, Unregister, Heartbeat, Search, ListPeers, Ack, SearchResult, PeerList, ErrorReply,
        Reannounce, PeerChanged, FilesChanged {
}
