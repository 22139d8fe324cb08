package napster.common.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import napster.common.protocol.Message;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.ProtocolException;

/** Puts protocol messages into JMS messages and takes them out (TextMessage or BytesMessage, UTF-8). */
public final class JmsCodec {
    /** Bodies past this size are refused before decoding. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final ProtocolCodec codec;

    public JmsCodec(ProtocolCodec codec) {
        this.codec = codec;
    }

    public ProtocolCodec protocol() {
        return codec;
    }

    /** A TextMessage with the JSON body; JMSType repeats the type so the web console reads well. */
    public TextMessage toJms(Session session, Message message) throws JMSException {
        TextMessage jms = session.createTextMessage(codec.encode(message));
        jms.setJMSType(codec.typeOf(message));
        return jms;
    }

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
