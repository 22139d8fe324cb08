package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import napster.common.jms.ClientSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IndexerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = IndexerMain.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void main_unknownOption_exitsWithUsageError() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void main_help_printsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--broker=URL", "--user", "--password", "--missed-beats=N", "--verbose");
    }

    @Test
    void main_missedBeatsBelowOne_exitsWithUsageError() {
        assertThat(run("--missed-beats", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--missed-beats must be at least 1.");
    }

    @Test
    void main_otherUserWithoutPassword_exitsWithUsageError() {
        assumeThat(System.getenv(ClientSettings.ENV_PASSWORD)).isNull();

        assertThat(run("--user", "someone")).isEqualTo(2);
        assertThat(err.toString()).contains("A password is required for user 'someone'");
    }

    @Test
    void main_unreachableBroker_exitsOneWithOneSentence() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int code = run("--broker", "tcp://127.0.0.1:" + closedPort);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip())
                .startsWith("Cannot reach the broker at tcp://127.0.0.1:" + closedPort)
                .doesNotContain("\n", "\tat ");
        assertThat(out.toString()).isEmpty();
    }
}
