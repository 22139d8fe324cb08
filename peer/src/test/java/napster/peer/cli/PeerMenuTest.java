package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PeerMenuTest {
    private final StringWriter screen = new StringWriter();
    private final List<List<String>> serverStarts = new ArrayList<>();

    private int runMenu(String typed) throws Exception {
        PrintWriter out = new PrintWriter(screen, true);
        ClientOptions client = new ClientOptions();
        new CommandLine(client).parseArgs("--broker", "tcp://127.0.0.1:9");
        PeerMenu menu = new PeerMenu(new Prompter(new BufferedReader(new StringReader(typed)), out), out, client,
                arguments -> {
                    serverStarts.add(arguments);
                    return 0;
                });
        return menu.run();
    }

    @Test
    void runServer_defaults_startUpOnLoopbackWithDefaultPort() throws Exception {
        assertThat(runMenu("1\n\n\n")).isZero();
        assertThat(serverStarts).containsExactly(List.of("up", "--host", "127.0.0.1", "--broker-port", "61616"));
        assertThat(screen.toString()).contains("1 - Run Server", "2 - Run Peer", "[127.0.0.1]", "[61616]");
    }

    @Test
    void runServer_zeroMeansLocalhostAndPortIsTaken() throws Exception {
        runMenu("1\n0\n45000\n");
        assertThat(serverStarts).containsExactly(List.of("up", "--host", "127.0.0.1", "--broker-port", "45000"));
    }

    @Test
    void invalidChoices_areAskedAgainInsteadOfQuitting() throws Exception {
        runMenu("3\nabc\n1\n\n70000\n0\n\n");
        assertThat(screen.toString()).contains("Please enter 1 or 2.").contains("Please enter a port between 1 and 65535.");
        assertThat(serverStarts).containsExactly(List.of("up", "--host", "127.0.0.1", "--broker-port", "61616"));
    }

    @Test
    void endOfInput_endsTheMenuQuietly() throws Exception {
        assertThat(runMenu("")).isZero();
        assertThat(serverStarts).isEmpty();
    }

    @Test
    void peer_brokerDown_searchReportsOneSentenceAndMenuGoesOn() throws Exception {
        // port 9 on loopback: nothing listens there, so the connection is refused at once
        assertThat(runMenu("2\n9\n\n1\n6.txt\nq\n")).isZero();
        assertThat(screen.toString()).contains("Cannot reach the broker at tcp://127.0.0.1:9")
                .contains("1 - Search for a filename and download it.");
        assertThat(screen.toString()).doesNotContain("Exception");
    }

    @Test
    void peer_shareFolderThatIsNotThere_isAskedAgain() throws Exception {
        runMenu("2\n9\n\n2\n\n\n/no/such/folder\n");
        assertThat(screen.toString()).contains("That is not a readable directory; please enter another path.");
    }
}
