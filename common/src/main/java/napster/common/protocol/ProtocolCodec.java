package napster.common.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

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

    /**
     * The mapper settings every napster JSON document uses (ISO-8601 instants, no nulls), both on
     * the broker and peer to peer. A value must be of its field's kind: no coercion, so {@code "80"}
     * is not a port, {@code 80.9} and {@code 1.5} are not whole numbers, {@code 80} is not a name.
     */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new InstantTextModule()) // registered last, so it wins for Instant
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // numbers and booleans are not strings either
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** A value of the wrong kind, in one sentence without the trailing period; else null. */
    public static String mismatch(Throwable e) {
        return e instanceof MismatchedInputException mismatch ? TypeMismatch.sentence(mismatch) : null;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public MessageTypes types() {
        return types;
    }

    public String typeOf(Message message) {
        return types.typeOf(message.getClass());
    }

    /*
     * The record is written straight to text and the type spliced in front of its fields: a
     * tree built first would cost about as much again (a search reply holds 100 hits).
     */
    public String encode(Message message) {
        String fields;
        try {
            fields = mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message, e);
        }
        String type = "{\"type\":\"" + typeOf(message) + "\""; // type names are plain ASCII words
        return fields.length() > 2 ? type + "," + fields.substring(1) : type + "}";
    }

    /* A streaming pass finds the type (first, as encode writes it, but it may come anywhere), a second reads the record. */
    public Message decode(String json) throws ProtocolException {
        String type = typeField(json);
        Class<? extends Message> messageClass = types.classOf(type)
                .orElseThrow(() -> new ProtocolException("Unknown message type \"" + type + "\"."));
        try {
            return mapper.readValue(json, messageClass);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProtocolException("Invalid " + type + " message: " + cause.getMessage() + ".", e);
        } catch (JsonProcessingException e) {
            if (brokenSyntax(e)) {
                throw new ProtocolException("The message is not valid JSON.", e); // broken past its type
            }
            String mismatch = mismatch(e);
            throw new ProtocolException("Invalid " + type + " message: " + (mismatch != null ? mismatch
                    : e.getOriginalMessage()) + ".", e);
        }
    }

    /* Jackson wraps a syntax error met inside a record in a mapping error. */
    private static boolean brokenSyntax(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    /** The first top-level "type" field's text, skipping the values before it unread. */
    private String typeField(String json) throws ProtocolException {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolException("The message must be a JSON object.");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new ProtocolException("The message has no \"type\" field.");
                    }
                    return parser.getText(); // the rest is read once, by the record's own pass
                }
                parser.skipChildren();
            }
            throw new ProtocolException("The message has no \"type\" field.");
        } catch (IOException e) { // read from a String: a syntax error
            throw new ProtocolException("The message is not valid JSON.", e);
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
