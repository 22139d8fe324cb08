package napster.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTypesTest {
    @Test
    void builder_sameNameTwice_failsFast() {
        assertThatThrownBy(() -> MessageTypes.builder().add("ack", Ack.class).add("ack", Search.class))
                .isInstanceOf(IllegalStateException.class).hasMessage("message type 'ack' registered twice");
    }

    @Test
    void builder_sameClassTwice_failsFast() {
        assertThatThrownBy(() -> MessageTypes.builder().add("ack", Ack.class).add("ack2", Ack.class))
                .isInstanceOf(IllegalStateException.class).hasMessage("Ack registered twice");
    }

    @Test
    void standard_coversEveryPermittedMessageClass() {
        MessageTypes types = MessageTypes.standard();
        for (Class<?> permitted : Message.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends Message> messageClass = (Class<? extends Message>) permitted;
            assertThat(types.classOf(types.typeOf(messageClass))).contains(messageClass);
        }
    }
}
