package napster.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import napster.common.protocol.BrowseResult;
import napster.common.protocol.FileHit;
import napster.common.protocol.Holder;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import org.junit.jupiter.api.Test;

/** The reply text the index writes is, byte for byte, what the protocol's codec writes for the same reply. */
class ResultTextTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.standard();
    private static final String SHA = "ab".repeat(32);
    private static final Instant SHARED_AT = Instant.parse("2026-12-06T03:04:05.123Z");

    private final Peer plain = new Peer(7, "peer-key-00000007", "peer", "10.0.0.7", 4007);
    private final Peer busy = new Peer(9, "peer-key-00000009", "peer", "host.example", 4009, 4, 1, 1_048_576L);
    private final Map<Integer, Peer> peers = Map.of(plain.peerId(), plain, busy.peerId(), busy);

    @Test
    void searchResult_isWhatTheCodecWrites_withNamesThatNeedEscapingAndNamesThatDoNot() {
        String quoted = "Say \"hi\" – Café 🎵.mp3";
        String plainName = "The Beatles - Yesterday.mp3";
        List<ResultText.HitText> hits = List.of(
                new ResultText.HitText(quoted, 4_000_000, SHA, List.of(
                        new ResultText.HolderText(7, quoted, FileFields.nanos(SHARED_AT)),
                        new ResultText.HolderText(9, plainName, FileFields.nanos(SHARED_AT.plusSeconds(1))))),
                new ResultText.HitText(plainName, 12, SHA.replace('a', 'c'), List.of(
                        new ResultText.HolderText(9, plainName, FileFields.nanos(SHARED_AT)))));

        String json = ResultText.searchResult("say \"hi\" \\ yesterday", hits, peers::get, false,
                ResultText.MAX_REPLY_BYTES).json();

        SearchResult expected = new SearchResult("say \"hi\" \\ yesterday", List.of(
                new FileHit(quoted, 4_000_000, SHA, List.of(
                        new Holder(7, "10.0.0.7", 4007, SHARED_AT, quoted),
                        new Holder(9, "host.example", 4009, SHARED_AT.plusSeconds(1), plainName, 4, 1, 1_048_576L))),
                new FileHit(plainName, 12, SHA.replace('a', 'c'), List.of(
                        new Holder(9, "host.example", 4009, SHARED_AT, plainName, 4, 1, 1_048_576L)))));
        assertThat(json).isEqualTo(CODEC.encode(expected));
    }

    @Test
    void browseResult_isWhatTheCodecWrites() {
        String json = ResultText.browseResult(7, List.of(new ResultText.FileText("a \"b\".txt", 5, SHA),
                new ResultText.FileText("ü.flac", 6, SHA)), true, ResultText.MAX_REPLY_BYTES).json();

        assertThat(json).isEqualTo(CODEC.encode(new BrowseResult(7, List.of(new SharedFile("a \"b\".txt", 5, SHA),
                new SharedFile("ü.flac", 6, SHA)), true)));
    }
}
