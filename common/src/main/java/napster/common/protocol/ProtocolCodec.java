package napster.common.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON codec for every broker message. Wire layout: one UTF-8 JSON object whose
 * {@code "type"} field names the kind (see {@link MessageTypes}) followed by the record's
 * fields; null fields are left out, unknown fields are ignored so newer peers can add some.
 */
public final class ProtocolCodec {
    private final MessageTypes types;
    private final ObjectMapper mapper;

    public ProtocolCodec(MessageTypes types) {
        this.types = types;
        this.mapper = newMapper();
    }

    public static ProtocolCodec standard() {
        return new ProtocolCodec(MessageTypes.standard());
    }

    /** The mapper settings every napster JSON document uses (ISO-8601 instants, no nulls). */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public String typeOf(Message message) {
        return types.typeOf(message.getClass());
    }

    public String encode(Message message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", typeOf(message));
        node.setAll((ObjectNode) mapper.valueToTree(message));
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message, e);
        }
    }

    public Message decode(String json) throws ProtocolException {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("The message is not valid JSON.", e);
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException("The message must be a JSON object.");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ProtocolException("The message has no \"type\" field.");
        }
        String type = typeNode.asText();
        Class<? extends Message> messageClass = types.classOf(type)
                .orElseThrow(() -> new ProtocolException("Unknown message type \"" + type + "\"."));
        try {
            return mapper.treeToValue(node, messageClass);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProtocolException("Invalid " + type + " message: " + cause.getMessage() + ".", e);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("Invalid " + type + " message: " + e.getOriginalMessage() + ".", e);
        }
    }

    public <T extends Message> T decode(String json, Class<T> expected) throws ProtocolException {
        Message message = decode(json);
        if (!expected.isInstance(message)) {
            throw new ProtocolException("Expected a " + types.typeOf(expected) + " message but got " + typeOf(message) + ".");
        }
        return expected.cast(message);
    }
}
