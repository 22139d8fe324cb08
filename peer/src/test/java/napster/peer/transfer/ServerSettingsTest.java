package napster.peer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    @Test
    void withDefaults_waitsFiveSecondsForARequestAndTwentyForAStalledReader() {
        ServerSettings settings = ServerSettings.withDefaults("127.0.0.1", 0, 8, 0);

        assertThat(settings.pendingLimit()).isEqualTo(64);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.stallTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void oneIdleTimeout_longerThanTheDefaults_leavesTheDefaults() {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, 8, Duration.ofSeconds(60), 1024);

        assertThat(settings).isEqualTo(ServerSettings.withDefaults("127.0.0.1", 0, 8, 1024));
    }

    @Test
    void oneIdleTimeout_shorterThanTheDefaults_capsBoth() {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, 8, Duration.ofSeconds(10));

        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.stallTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.withRequestTimeout(Duration.ofMillis(300)).requestTimeout()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void bounds_outOfRange_areRefusedNamingTheField() {
        ServerSettings ok = ServerSettings.withDefaults("127.0.0.1", 0, 8, 0);

        assertThatThrownBy(() -> ok.withPendingLimit(0)).hasMessageStartingWith("pendingLimit ");
        assertThatThrownBy(() -> ok.withPendingLimit(4_097)).hasMessageStartingWith("pendingLimit ");
        assertThatThrownBy(() -> ok.withRequestTimeout(Duration.ZERO)).hasMessageStartingWith("requestTimeout ");
        assertThatThrownBy(() -> ok.withStallTimeout(Duration.ofDays(2))).hasMessageStartingWith("stallTimeout ");
        assertThatThrownBy(() -> new ServerSettings("127.0.0.1", 0, 8, Duration.ofMillis(-1)))
                .hasMessageStartingWith("idleTimeout ");
    }
}
