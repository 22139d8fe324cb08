package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import org.junit.jupiter.api.Test;

/** The indexer's own reply text must be, byte for byte, what the codec writes for the same result. */
class SearchResultTextTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.standard();
    private static final String[] WORDS = {"song", "Song", "SONG", "live", "mix", "a\"quote", "été",
        "日本", "x", "song.mp3", "Live - Mix", "😀"};

    @Test
    void searchTextIsWhatTheCodecWritesForTheSameHits() {
        FileIndex index = new FileIndex();
        SplittableRandom random = new SplittableRandom(11);
        for (int peerId = 1; peerId <= 40; peerId++) {
            List<SharedFile> files = new ArrayList<>();
            for (int f = 0; f < 30; f++) {
                String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + "."
                        + (random.nextBoolean() ? "mp3" : "ogg");
                // few contents, so many are held by several peers, some under several names by one peer
                SharedFile file = new SharedFile(name, 1_000 + f, Files.sha(random.nextInt(200)));
                if (files.stream().noneMatch(known -> known.name().equals(file.name())
                        && known.sha256().equals(file.sha256()))) {
                    files.add(file);
                }
            }
            Peer peer = peerId % 3 == 0 ? Files.peer(peerId)
                    : new Peer(peerId, Files.key(peerId), "user", "host-" + peerId + ".example", 7_000 + peerId,
                    peerId % 3 + 1, peerId % 2, peerId % 5 == 0 ? null : 1_000_000L * peerId);
            // instants with no fraction, and with milli, micro and nano fractions
            Instant sharedAt = Instant.ofEpochSecond(1_700_000_000L + peerId, peerId % 4 == 0 ? 0 : 123_456_789 / peerId);
            index.register(peer, files, sharedAt);
        }
        List<String> queries = new ArrayList<>(List.of(WORDS));
        queries.addAll(List.of("o", "mp3", ".", " ", "nothing at all", "SONG.MP3", "e"));
        int compared = 0;
        for (String query : queries) {
            for (int limit : new int[] {1, 3, 100, 1000}) {
                EncodedSearchResult text = index.searchText(query, limit);
                SearchResult result = new SearchResult(query, index.search(query, limit));
                assertThat(text.json()).as("%s, limit %d", query, limit).isEqualTo(CODEC.encode(result));
                assertThat(text.results()).isEqualTo(result.results().size());
                assertThat(text.query()).isEqualTo(query);
                compared += text.results();
            }
        }
        assertThat(compared).as("hits compared").isGreaterThan(1_000);
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() throws Exception {
        ObjectMapper mapper = ProtocolCodec.newMapper();
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x250; c++) {
            every.append(c);
        }
        for (String text : List.of(every.toString(), "", "plain", "\u2028\u2029\uD83D\uDE00", "\"\\\"")) {
            StringBuilder out = new StringBuilder();
            SearchResultText.string(out, text);
            assertThat(out.toString()).isEqualTo(mapper.writeValueAsString(text));
        }
    }
}
