package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.activemq.openwire.OpenWireFormat;
import org.apache.activemq.transport.nio.NIOTransport;
import org.junit.jupiter.api.Test;

/** What the guard learns from a real NIO transport, as the connectors make them, before the broker reads. */
class LoginWatchTest {
    private final ConnectorLogins logins =
            new ConnectorLogins("openwire", new LoginLimits(Duration.ofSeconds(5), 10, 10), System::nanoTime);

    @Test
    void bytesTheClientSent_thatNobodyHasRead_areSeenInTheSocket() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            try (Socket client = new Socket("127.0.0.1", server.socket().getLocalPort());
                 SocketChannel accepted = server.accept()) {
                accepted.configureBlocking(false);
                LoginWatch watch = new LoginWatch(new NIOTransport(new OpenWireFormat(), accepted.socket()), logins);
                assertThat(watch.hasUnreadBytes()).as("before the client sends").isFalse();

                client.getOutputStream().write("CONNECT\n".getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().flush();

                await().atMost(Duration.ofSeconds(10)).until(watch::hasUnreadBytes);
                assertThat(watch.readFrom()).as("the broker has read nothing").isFalse();

                watch.close("test");
                assertThat(watch.hasUnreadBytes()).as("once closed").isFalse();
            }
        }
    }
}
