package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import napster.common.protocol.Search;
import napster.common.testing.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IndexerMainIT {

    /**
     * With a plain URL the failover transport waits for the broker forever (IndexerLivenessIT
     * covers a restart); only a failover URL that limits reconnect attempts gives up, and then
     * the indexer exits 1 with one sentence.
     */
    @Test
    void main_failoverUrlWithLimitedAttempts_printsReadyAnswersAndExitsOneWhenTheBrokerGoes() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start();
        String url = "failover:(" + broker.url() + ")?maxReconnectAttempts=2&initialReconnectDelay=50&timeout=1000";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = IndexerMain.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> command.execute("--broker", url,
                "--missed-beats", "5"));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> out.toString().contains("Indexer ready (broker " + url + ")."));
            try (TestPeer peer = TestPeer.connect(broker.url(), "peer")) {
                assertThat(peer.search(Search.byName("anything")).results()).isEmpty();
            }
        } finally {
            broker.close();
        }

        await().atMost(Duration.ofSeconds(60)).until(exit::isDone);
        assertThat(exit.join()).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("Lost the connection to the broker at " + url)
                .doesNotContain("\n");
    }
}
