package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import napster.common.protocol.FileHit;
import napster.common.protocol.FilesChanged;
import napster.common.protocol.Holder;
import napster.common.protocol.PeerChanged;
import napster.common.protocol.SharedFile;
import napster.common.query.QueryParser;
import org.junit.jupiter.api.Test;

class FileEventPrinterTest {
    private static final String SHA = "d".repeat(64);
    private static final SharedFile SIX = new SharedFile("6.txt", 21, SHA);
    private static final SharedFile OTHER = new SharedFile("other.bin", 5, "e".repeat(64));

    private final StringWriter text = new StringWriter();

    private FileEventPrinter printer(String query, boolean json) {
        return new FileEventPrinter(new PrintWriter(text), QueryParser.parse(query), json);
    }

    private static FilesChanged changed(List<SharedFile> added, List<SharedFile> removed) {
        return new FilesChanged(2, "127.0.0.1", 35000, added, removed);
    }

    @Test
    void addedAndRemoved_matchingFiles_printPlusAndMinusLines() {
        FileEventPrinter printer = printer("TX 6", false);
        printer.accept(changed(List.of(SIX, OTHER), List.of()));
        printer.accept(changed(List.of(), List.of(SIX)));
        assertThat(text.toString().lines()).containsExactly(
                "+ 6.txt (21 B, SHA-256 " + SHA + ") on peer 2 at 127.0.0.1:35000",
                "- 6.txt (21 B, SHA-256 " + SHA + ") on peer 2 at 127.0.0.1:35000");
    }

    @Test
    void query_matchesAsSearchDoes_wordStarts_phrasesAndExclusions() {
        SharedFile live = new SharedFile("The Beatles - Yesterday (Live).mp3", 7, "a".repeat(64));
        SharedFile studio = new SharedFile("The Beatles - Yesterday.mp3", 8, "b".repeat(64));
        assertThat(printer("beat yest", false).matches(studio)).isTrue();
        assertThat(printer("beatles yesterday -live", false).matches(live)).isFalse();
        assertThat(printer("beatles yesterday -live", false).matches(studio)).isTrue();
        assertThat(printer("\"the beatles\"", false).matches(studio)).isTrue();
        assertThat(printer("eatles", false).matches(studio)).as("a fragment inside a word").isFalse();
    }

    @Test
    void shaQuery_matchesByContentOnly() {
        FileEventPrinter printer = printer(SHA, false);
        printer.accept(changed(List.of(OTHER, new SharedFile("renamed.txt", 21, SHA)), List.of()));
        assertThat(text.toString().lines()).singleElement().asString().startsWith("+ renamed.txt (21 B");
    }

    @Test
    void peerLeft_isPrintedOnceAndOnlyForPeersThatHeldMatches() {
        FileEventPrinter printer = printer("6.txt", false);
        printer.accept(new PeerChanged(PeerChanged.LEFT, 3, "127.0.0.1", 1, 0, PeerChanged.EXPIRED));
        printer.accept(changed(List.of(SIX), List.of()));
        printer.accept(new PeerChanged(PeerChanged.LEFT, 2, "127.0.0.1", 35000, 1, PeerChanged.EXPIRED));
        printer.accept(new PeerChanged(PeerChanged.LEFT, 2, "127.0.0.1", 35000, 1, PeerChanged.EXPIRED));
        assertThat(text.toString().lines()).containsExactly(
                "+ 6.txt (21 B, SHA-256 " + SHA + ") on peer 2 at 127.0.0.1:35000",
                "- peer 2 left (expired)");
    }

    @Test
    void peerLeft_holderKnownFromTheStartSearch_isPrinted() {
        FileEventPrinter printer = printer("6", false);
        printer.knownHolders(List.of(new FileHit("6.txt", 21, SHA,
                List.of(new Holder(4, "10.0.0.4", 25000, Instant.EPOCH, "6.txt")))));
        printer.accept(new PeerChanged(PeerChanged.LEFT, 4, "10.0.0.4", 25000, 1, PeerChanged.UNREGISTERED));
        assertThat(text.toString().lines()).containsExactly("- peer 4 left (unregistered)");
    }

    @Test
    void json_printsOneDocumentPerLine() {
        FileEventPrinter printer = printer("6.txt", true);
        printer.accept(changed(List.of(SIX), List.of()));
        printer.accept(new PeerChanged(PeerChanged.LEFT, 2, "127.0.0.1", 35000, 1, PeerChanged.EXPIRED));
        assertThat(text.toString().lines()).containsExactly(
                "{\"event\":\"added\",\"name\":\"6.txt\",\"size\":21,\"sha256\":\"" + SHA
                        + "\",\"peerId\":2,\"host\":\"127.0.0.1\",\"port\":35000}",
                "{\"event\":\"peerLeft\",\"peerId\":2,\"host\":\"127.0.0.1\",\"port\":35000,\"reason\":\"expired\"}");
    }
}
