package napster.common.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerConnectorTest {
    @Test
    void failoverUrl_plainTcp_isWrappedWithSendTimeoutAndNoStartupRetries() {
        assertThat(BrokerConnector.failoverUrl("tcp://127.0.0.1:61616", Duration.ofSeconds(5)))
                .isEqualTo("failover:(tcp://127.0.0.1:61616)?timeout=5000&startupMaxReconnectAttempts=0"
                        + "&initialReconnectDelay=100&maxReconnectDelay=2000");
    }

    @Test
    void failoverUrl_alreadyFailover_isKept() {
        assertThat(BrokerConnector.failoverUrl("failover:(tcp://a:1,tcp://b:2)", Duration.ofSeconds(5)))
                .isEqualTo("failover:(tcp://a:1,tcp://b:2)");
    }
}
