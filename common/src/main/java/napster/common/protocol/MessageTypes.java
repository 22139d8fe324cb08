package napster.common.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The one registry of wire type names; registering a name or a class twice fails at once. */
public final class MessageTypes {
    private final Map<String, Class<? extends Message>> byName;
    private final Map<Class<? extends Message>, String> byClass;

    private MessageTypes(Map<String, Class<? extends Message>> byName, Map<Class<? extends Message>, String> byClass) {
        this.byName = Map.copyOf(byName);
        this.byClass = Map.copyOf(byClass);
    }

    /** Every message type of the napster protocol. */
    public static MessageTypes standard() {
        return builder()
                .add("register", Register.class)
                .add("update", Update.class)
                .add("unregister", Unregister.class)
                .add("search", Search.class)
                .add("ack", Ack.class)
                .add("searchResult", SearchResult.class)
                .add("browse", Browse.class)
                .add("browseResult", BrowseResult.class)
                .add("error", ErrorReply.class)
                .add("heartbeat", Heartbeat.class)
                .add("peers", ListPeers.class)
                .add("peerList", PeerList.class)
                .add("reannounce", Reannounce.class)
                .add("peerChanged", PeerChanged.class)
                .add("filesChanged", FilesChanged.class)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Class<? extends Message>> classOf(String type) {
        return Optional.ofNullable(byName.get(type));
    }

    public String typeOf(Class<? extends Message> type) {
        String name = byClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException("no wire type registered for " + type.getName());
        }
        return name;
    }

    public static final class Builder {
        private final Map<String, Class<? extends Message>> byName = new LinkedHashMap<>();
        private final Map<Class<? extends Message>, String> byClass = new LinkedHashMap<>();

        public Builder add(String type, Class<? extends Message> messageClass) {
            if (byName.putIfAbsent(type, messageClass) != null) {
                throw new IllegalStateException("message type '" + type + "' registered twice");
            }
            if (byClass.putIfAbsent(messageClass, type) != null) {
                throw new IllegalStateException(messageClass.getSimpleName() + " registered twice");
            }
            return this;
        }

        public MessageTypes build() {
            return new MessageTypes(byName, byClass);
        }
    }
}
