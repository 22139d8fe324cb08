package napster.common.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
    @Test
    void resolve_nothingGiven_usesLoopbackAndDefaultAccount() {
        assertThat(ClientSettings.resolve(null, null, null, Map.of(), "peer"))
                .isEqualTo(new ClientSettings("tcp://127.0.0.1:61616", "peer", "peer"));
    }

    @Test
    void resolve_environment_fillsWhatFlagsLeaveOut() {
        Map<String, String> env = Map.of("NAPSTER_BROKER", "tcp://127.0.0.2:1", "NAPSTER_USER", "alice",
                "NAPSTER_PASSWORD", "s3cret");
        assertThat(ClientSettings.resolve(null, null, null, env, "peer"))
                .isEqualTo(new ClientSettings("tcp://127.0.0.2:1", "alice", "s3cret"));
    }

    @Test
    void resolve_flags_winOverEnvironment() {
        Map<String, String> env = Map.of("NAPSTER_BROKER", "tcp://127.0.0.2:1", "NAPSTER_USER", "alice");
        assertThat(ClientSettings.resolve("tcp://127.0.0.3:2", "peer", null, env, "peer"))
                .isEqualTo(new ClientSettings("tcp://127.0.0.3:2", "peer", "peer"));
    }

    @Test
    void resolve_otherUserWithoutPassword_asksForOne() {
        assertThatThrownBy(() -> ClientSettings.resolve(null, "alice", null, Map.of(), "peer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A password is required for user 'alice': pass --password or set NAPSTER_PASSWORD.");
    }
}
