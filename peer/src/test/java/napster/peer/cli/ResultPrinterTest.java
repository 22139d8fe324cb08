package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {
    private static final String SHA = "c".repeat(64);
    private static final Instant AT = Instant.parse("2026-11-25T18:16:38Z");
    private final StringWriter screen = new StringWriter();

    private static FileHit hit() {
        return new FileHit("6.txt", 21, SHA, List.of(
                new Holder(1, "127.0.0.1", 25000, AT, "6.txt", 8, 3, 16L << 20),
                new Holder(2, "10.0.0.7", 35000, AT, "six.txt")));
    }

    @Test
    void printHit_showsSlotsAndCapAndTheNameAHolderUses() {
        new ResultPrinter(new PrintWriter(screen), ZoneOffset.UTC).printHit("", hit());

        assertThat(screen.toString().lines().toList()).containsExactly(
                "6.txt  (21 B, SHA-256 " + SHA + ")",
                "    Peer ID  Host                   Port   Shared at            Slots  Upload cap",
                "    1        127.0.0.1              25000  2026-11-25 18:16:38  3/8    16.0 MiB/s",
                "    2        10.0.0.7               35000  2026-11-25 18:16:38  -      none  (as six.txt)");
    }

    @Test
    void printHit_namesThatSpoofHowALineLooks_areShownEscaped() {
        FileHit spoof = new FileHit("invoice-\u202Efdp.exe", 21, SHA, List.of(
                new Holder(1, "127.0.0.1", 25000, AT, "a\u2028b\u200B.txt")));

        new ResultPrinter(new PrintWriter(screen), ZoneOffset.UTC).printResults("invoice", List.of(spoof));

        assertThat(screen.toString()).contains("invoice-\\u202Efdp.exe  (21 B")
                .contains("(as a\\u2028b\\u200B.txt)").doesNotContain("\u202E").doesNotContain("\u2028");
    }

    @Test
    void printHit_withPings_addsAColumnAndSaysWhoDidNotAnswer() {
        Map<HolderPings.Address, String> pings = Map.of(new HolderPings.Address("127.0.0.1", 25000), "0.42 ms",
                new HolderPings.Address("10.0.0.7", 35000), "no answer");

        new ResultPrinter(new PrintWriter(screen), ZoneOffset.UTC, pings).printHit("", hit());

        assertThat(screen.toString().lines().skip(1).toList()).containsExactly(
                "    Peer ID  Host                   Port   Shared at            Slots  Upload cap   Ping",
                "    1        127.0.0.1              25000  2026-11-25 18:16:38  3/8    16.0 MiB/s   0.42 ms",
                "    2        10.0.0.7               35000  2026-11-25 18:16:38  -      none         no answer  (as six.txt)");
    }
}
