package napster.common.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import napster.common.protocol.Ack;
import napster.common.protocol.Browse;
import napster.common.protocol.BrowseResult;
import napster.common.protocol.ErrorReply;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.ListPeers;
import napster.common.protocol.Message;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.PeerList;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.ProtocolException;
import napster.common.protocol.Reannounce;
import napster.common.protocol.Register;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.Update;

/**
 * Puts protocol messages into JMS messages and takes them out (TextMessage or BytesMessage,
 * UTF-8). Outgoing messages also carry JMSType and a few properties summing up the body, for
 * people reading the web console; decoding reads the body only.
 */
public final class JmsCodec {
    /** Bodies past this size are refused before decoding. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    // Console properties (see PROTOCOL.md): strings are copied from the body, ints are counts or numbers.
    /** search, searchResult: the name searched for (searchResult of a hash search: the hash). */
    public static final String QUERY = "query";
    /** search by content: the hash searched for. */
    public static final String SHA256 = "sha256";
    /** search: the number of results the indexer returns at most (the default when the body has none). */
    public static final String LIMIT = "limit";
    /** register: the address and transfer port the peer announces. */
    public static final String HOST = "host";
    public static final String PORT = "port";
    /** register: files in this message; ack: files now indexed for the peer. */
    public static final String FILES = "files";
    /** update: files added and removed by this message. */
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    /** ack: the peer's id. */
    public static final String PEER_ID = "peerId";
    /** searchResult: the number of results (distinct contents). */
    public static final String RESULTS = "results";
    /** error: the error code. */
    public static final String CODE = "code";
    /** peerList: how many peers are listed. */
    public static final String PEERS = "peers";
    /** reannounce: why. */
    public static final String REASON = "reason";
    /** peerChanged: joined or left. */
    public static final String CHANGE = "change";

    private final ProtocolCodec codec;

    public JmsCodec(ProtocolCodec codec) {
        this.codec = codec;
    }

    public ProtocolCodec protocol() {
        return codec;
    }

    /**
     * A TextMessage with the JSON body; JMSType repeats the type and the console properties
     * sum up the body, so the web console's browse page reads well.
     */
    public TextMessage toJms(Session session, Message message) throws JMSException {
        TextMessage jms = session.createTextMessage(codec.encode(message));
        jms.setJMSType(codec.typeOf(message));
        if (message instanceof Search search) {
            if (search.query() != null) {
                jms.setStringProperty(QUERY, search.query());
            }
            if (search.sha256() != null) {
                jms.setStringProperty(SHA256, search.sha256());
            }
            jms.setIntProperty(LIMIT, search.effectiveLimit());
        } else if (message instanceof Register register) {
            jms.setStringProperty(HOST, register.host());
            jms.setIntProperty(PORT, register.port());
            jms.setIntProperty(FILES, register.files().size());
        } else if (message instanceof Update update) {
            jms.setIntProperty(ADDED, update.added().size());
            jms.setIntProperty(REMOVED, update.removed().size());
        } else if (message instanceof Ack ack) {
            jms.setIntProperty(PEER_ID, ack.peerId());
            jms.setIntProperty(FILES, ack.files());
        } else if (message instanceof SearchResult result) {
            describeSearchResult(jms, result.query(), result.results().size());
        } else if (message instanceof Browse browse) {
            jms.setIntProperty(PEER_ID, browse.peerId());
            jms.setIntProperty(LIMIT, browse.effectiveLimit());
        } else if (message instanceof BrowseResult result) {
            describeBrowseResult(jms, result.peerId(), result.files().size());
        } else if (message instanceof ErrorReply error) {
            jms.setStringProperty(CODE, error.code());
        } else if (message instanceof ListPeers list) {
            jms.setIntProperty(LIMIT, list.effectiveLimit());
        } else if (message instanceof PeerList list) {
            jms.setIntProperty(PEERS, list.peers().size());
        } else if (message instanceof Reannounce reannounce) {
            jms.setStringProperty(REASON, reannounce.reason());
        } else if (message instanceof PeerChanged changed) {
            jms.setStringProperty(CHANGE, changed.change());
            jms.setIntProperty(PEER_ID, changed.peerId());
            jms.setStringProperty(HOST, changed.host());
            jms.setIntProperty(PORT, changed.port());
            jms.setIntProperty(FILES, changed.files());
        } else if (message instanceof FilesChanged changed) {
            jms.setIntProperty(PEER_ID, changed.peerId());
            jms.setIntProperty(ADDED, changed.added().size());
            jms.setIntProperty(REMOVED, changed.removed().size());
        }
        // unregister, heartbeat: nothing; peer keys stay out of properties everywhere (a key proves ownership
        // among peers sharing one broker login, so it is not shown on the browse page's summary)
        return jms;
    }

    /**
     * As {@link #toJms} for a {@code searchResult} the sender wrote as text itself (the
     * indexer writes its replies straight from the index); {@code json} must be what
     * {@link ProtocolCodec#encode} writes for that result.
     */
    public TextMessage searchResultToJms(Session session, String query, int results, String json) throws JMSException {
        TextMessage jms = session.createTextMessage(json);
        jms.setJMSType(codec.types().typeOf(SearchResult.class));
        describeSearchResult(jms, query, results);
        return jms;
    }

    /** As {@link #searchResultToJms}, for a {@code browseResult} page the indexer wrote as text. */
    public TextMessage browseResultToJms(Session session, int peerId, int files, String json) throws JMSException {
        TextMessage jms = session.createTextMessage(json);
        jms.setJMSType(codec.types().typeOf(BrowseResult.class));
        describeBrowseResult(jms, peerId, files);
        return jms;
    }

    private static void describeBrowseResult(TextMessage jms, int peerId, int files) throws JMSException {
        jms.setIntProperty(PEER_ID, peerId);
        jms.setIntProperty(FILES, files);
    }

    private static void describeSearchResult(TextMessage jms, String query, int results) throws JMSException {
        if (query != null) {
            jms.setStringProperty(QUERY, query);
        }
        jms.setIntProperty(RESULTS, results);
    }

    /** Decodes the body; JMSType and the console properties are ignored (the body is the message). */
    public Message fromJms(jakarta.jms.Message jms) throws JMSException, ProtocolException {
        return codec.decode(bodyOf(jms));
    }

    /** The UTF-8 body of a TextMessage or BytesMessage (STOMP clients often send bytes). */
    public static String bodyOf(jakarta.jms.Message jms) throws JMSException, ProtocolException {
        if (jms instanceof TextMessage text) {
            String body = text.getText();
            if (body == null) {
                throw new ProtocolException("The message has no body.");
            }
            if (body.length() > MAX_BODY_BYTES) {
                throw new ProtocolException("The message body is larger than " + MAX_BODY_BYTES + " bytes.");
            }
            return body;
        }
        if (jms instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > MAX_BODY_BYTES) {
                throw new ProtocolException("The message body is larger than " + MAX_BODY_BYTES + " bytes.");
            }
            byte[] body = new byte[(int) length];
            bytes.readBytes(body);
            return new String(body, StandardCharsets.UTF_8);
        }
        throw new ProtocolException("Only text and bytes messages carrying JSON are accepted.");
    }
}
