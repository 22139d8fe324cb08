package napster.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolCodecTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String KEY = "peer-key-0123456789";

    private final ProtocolCodec codec = ProtocolCodec.standard();

    /** Every message type with its exact wire form. */
    static Stream<Arguments> everyMessageType() {
        return Stream.of(
                Arguments.of(new Register(KEY, "127.0.0.1", 25000, List.of(new SharedFile("6.txt", 12, SHA_A))),
                        "{\"type\":\"register\",\"peerKey\":\"" + KEY + "\",\"host\":\"127.0.0.1\",\"port\":25000,"
                                + "\"files\":[{\"name\":\"6.txt\",\"size\":12,\"sha256\":\"" + SHA_A + "\"}]}"),
                Arguments.of(new Update(KEY, List.of(new SharedFile("new.txt", 0, SHA_B)), List.of()),
                        "{\"type\":\"update\",\"peerKey\":\"" + KEY + "\",\"added\":[{\"name\":\"new.txt\",\"size\":0,"
                                + "\"sha256\":\"" + SHA_B + "\"}],\"removed\":[]}"),
                Arguments.of(new Unregister(KEY), "{\"type\":\"unregister\",\"peerKey\":\"" + KEY + "\"}"),
                Arguments.of(Search.byName("6.txt"), "{\"type\":\"search\",\"query\":\"6.txt\"}"),
                Arguments.of(new Search(null, SHA_A, 5), "{\"type\":\"search\",\"sha256\":\"" + SHA_A + "\",\"limit\":5}"),
                Arguments.of(new Ack(3, 100), "{\"type\":\"ack\",\"peerId\":3,\"files\":100}"),
                Arguments.of(new SearchResult("6.txt", List.of(new FileHit("6.txt", 12, SHA_A, List.of(
                                new Holder(1, "localhost", 25000, Instant.parse("2017-12-09T21:11:42Z"), "6.txt"))))),
                        "{\"type\":\"searchResult\",\"query\":\"6.txt\",\"results\":[{\"name\":\"6.txt\",\"size\":12,"
                                + "\"sha256\":\"" + SHA_A + "\",\"peers\":[{\"peerId\":1,\"host\":\"localhost\",\"port\":25000,"
                                + "\"sharedAt\":\"2017-12-09T21:11:42Z\",\"name\":\"6.txt\"}]}]}"),
                Arguments.of(new ErrorReply(ErrorReply.BAD_REQUEST, "query is required."),
                        "{\"type\":\"error\",\"code\":\"bad-request\",\"message\":\"query is required.\"}"),
                Arguments.of(new Heartbeat(KEY, 10),
                        "{\"type\":\"heartbeat\",\"peerKey\":\"" + KEY + "\",\"intervalSeconds\":10}"),
                Arguments.of(new ListPeers(null), "{\"type\":\"peers\"}"),
                Arguments.of(new PeerList(List.of(new PeerInfo(1, "127.0.0.1", 25000, 4, 78,
                                Instant.parse("2026-11-25T18:16:48Z")))),
                        "{\"type\":\"peerList\",\"peers\":[{\"peerId\":1,\"host\":\"127.0.0.1\",\"port\":25000,"
                                + "\"files\":4,\"bytes\":78,\"lastSeen\":\"2026-11-25T18:16:48Z\"}]}"),
                Arguments.of(new Reannounce("indexer started"),
                        "{\"type\":\"reannounce\",\"reason\":\"indexer started\"}"),
                Arguments.of(new PeerChanged(PeerChanged.LEFT, 2, "127.0.0.1", 35000, 3, PeerChanged.EXPIRED),
                        "{\"type\":\"peerChanged\",\"change\":\"left\",\"peerId\":2,\"host\":\"127.0.0.1\","
                                + "\"port\":35000,\"files\":3,\"reason\":\"expired\"}"),
                Arguments.of(new FilesChanged(2, "127.0.0.1", 35000, List.of(new SharedFile("7.txt", 9, SHA_B)), List.of()),
                        "{\"type\":\"filesChanged\",\"peerId\":2,\"host\":\"127.0.0.1\",\"port\":35000,"
                                + "\"added\":[{\"name\":\"7.txt\",\"size\":9,\"sha256\":\"" + SHA_B + "\"}],\"removed\":[]}"));
    }

    /** The optional upload capacity, present: it follows the older fields. */
    static Stream<Arguments> withUploadCapacity() {
        return Stream.of(
                Arguments.of(new Register(KEY, "127.0.0.1", 25000, List.of(), 8, 5, 2_097_152L),
                        "{\"type\":\"register\",\"peerKey\":\"" + KEY + "\",\"host\":\"127.0.0.1\",\"port\":25000,"
                                + "\"files\":[],\"slots\":8,\"freeSlots\":5,\"maxUploadRate\":2097152}"),
                Arguments.of(new Register(KEY, "127.0.0.1", 25000, List.of(), 1, null, 0L),
                        "{\"type\":\"register\",\"peerKey\":\"" + KEY + "\",\"host\":\"127.0.0.1\",\"port\":25000,"
                                + "\"files\":[],\"slots\":1,\"maxUploadRate\":0}"),
                Arguments.of(new Heartbeat(KEY, 10, 0),
                        "{\"type\":\"heartbeat\",\"peerKey\":\"" + KEY + "\",\"intervalSeconds\":10,\"freeSlots\":0}"),
                Arguments.of(new Heartbeat(KEY, null, 3),
                        "{\"type\":\"heartbeat\",\"peerKey\":\"" + KEY + "\",\"freeSlots\":3}"),
                Arguments.of(new SearchResult("6.txt", List.of(new FileHit("6.txt", 12, SHA_A, List.of(
                                new Holder(1, "localhost", 25000, Instant.parse("2017-12-09T21:11:42Z"), "6.txt",
                                        8, 7, 1_048_576L),
                                new Holder(2, "localhost", 35000, Instant.parse("2017-12-09T21:11:43Z"), "6.txt",
                                        null, 2, null))))),
                        "{\"type\":\"searchResult\",\"query\":\"6.txt\",\"results\":[{\"name\":\"6.txt\",\"size\":12,"
                                + "\"sha256\":\"" + SHA_A + "\",\"peers\":[{\"peerId\":1,\"host\":\"localhost\",\"port\":25000,"
                                + "\"sharedAt\":\"2017-12-09T21:11:42Z\",\"name\":\"6.txt\",\"slots\":8,\"freeSlots\":7,"
                                + "\"maxUploadRate\":1048576},{\"peerId\":2,\"host\":\"localhost\",\"port\":35000,"
                                + "\"sharedAt\":\"2017-12-09T21:11:43Z\",\"name\":\"6.txt\",\"freeSlots\":2}]}]}"),
                Arguments.of(new PeerList(List.of(new PeerInfo(1, "127.0.0.1", 25000, 4, 78,
                                Instant.parse("2026-11-25T18:16:48Z"), 8, 8, 0L))),
                        "{\"type\":\"peerList\",\"peers\":[{\"peerId\":1,\"host\":\"127.0.0.1\",\"port\":25000,"
                                + "\"files\":4,\"bytes\":78,\"lastSeen\":\"2026-11-25T18:16:48Z\",\"slots\":8,"
                                + "\"freeSlots\":8,\"maxUploadRate\":0}]}"));
    }

    /** Each broken capacity rule, with its one sentence. */
    static Stream<Arguments> badUploadCapacity() {
        String register = "{\"type\":\"register\",\"peerKey\":\"" + KEY + "\",\"host\":\"h\",\"port\":1,";
        String holder = "{\"type\":\"searchResult\",\"results\":[{\"name\":\"a\",\"size\":1,\"sha256\":\"" + SHA_A
                + "\",\"peers\":[{\"peerId\":1,\"host\":\"h\",\"port\":1,\"sharedAt\":\"2026-11-25T18:16:48Z\","
                + "\"name\":\"a\",";
        String peerInfo = "{\"type\":\"peerList\",\"peers\":[{\"peerId\":1,\"host\":\"h\",\"port\":1,\"files\":0,"
                + "\"bytes\":0,\"lastSeen\":\"2026-11-25T18:16:48Z\",";
        return Stream.of(
                Arguments.of(register + "\"slots\":0}", "Invalid register message: slots must be at least 1."),
                Arguments.of(register + "\"freeSlots\":-1}", "Invalid register message: freeSlots must not be negative."),
                Arguments.of(register + "\"slots\":2,\"freeSlots\":3}",
                        "Invalid register message: freeSlots must not be more than slots."),
                Arguments.of(register + "\"maxUploadRate\":-1}",
                        "Invalid register message: maxUploadRate must not be negative."),
                Arguments.of("{\"type\":\"heartbeat\",\"peerKey\":\"" + KEY + "\",\"freeSlots\":-1}",
                        "Invalid heartbeat message: freeSlots must not be negative."),
                Arguments.of(holder + "\"slots\":-1}]}]}", "Invalid searchResult message: slots must be at least 1."),
                Arguments.of(holder + "\"slots\":1,\"freeSlots\":2}]}]}",
                        "Invalid searchResult message: freeSlots must not be more than slots."),
                Arguments.of(holder + "\"maxUploadRate\":-5}]}]}",
                        "Invalid searchResult message: maxUploadRate must not be negative."),
                Arguments.of(peerInfo + "\"freeSlots\":-2}]}", "Invalid peerList message: freeSlots must not be negative."),
                Arguments.of(peerInfo + "\"slots\":4,\"freeSlots\":5}]}",
                        "Invalid peerList message: freeSlots must not be more than slots."));
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void encode_everyType_givesExactJson(Message message, String json) {
        assertThat(codec.encode(message)).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void decode_everyType_givesEqualRecord(Message message, String json) throws Exception {
        assertThat(codec.decode(json)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("withUploadCapacity")
    void encode_uploadCapacity_givesExactJson(Message message, String json) {
        assertThat(codec.encode(message)).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("withUploadCapacity")
    void decode_uploadCapacity_givesEqualRecord(Message message, String json) throws Exception {
        assertThat(codec.decode(json)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("badUploadCapacity")
    void decode_badUploadCapacity_isRefusedWithItsRule(String json, String message) {
        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(ProtocolException.class).hasMessage(message);
    }

    @Test
    void register_fourArguments_hasNoUploadCapacity() {
        Register register = new Register(KEY, "h", 1, List.of());

        assertThat(register).isEqualTo(new Register(KEY, "h", 1, List.of(), null, null, null));
        assertThat(codec.encode(register)).doesNotContain("slots", "Slots", "maxUploadRate");
    }

    @Test
    void decode_pinnedMinimalSearch_isSearchByName() throws Exception {
        assertThat(codec.decode("{\"type\":\"search\",\"query\":\"6.txt\"}")).isEqualTo(Search.byName("6.txt"));
    }

    @Test
    void decode_unknownFields_areIgnored() throws Exception {
        assertThat(codec.decode("{\"type\":\"unregister\",\"peerKey\":\"" + KEY + "\",\"future\":[1,2]}"))
                .isEqualTo(new Unregister(KEY));
    }

    @Test
    void decode_notJson_saysSo() {
        assertThatThrownBy(() -> codec.decode("{oops")).isInstanceOf(ProtocolException.class)
                .hasMessage("The message is not valid JSON.");
    }

    @Test
    void decode_brokenAfterTheType_isNotValidJson() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"search\",\"query\":\"6.t")).isInstanceOf(ProtocolException.class)
                .hasMessage("The message is not valid JSON.");
    }

    @Test
    void decode_holderInstants_roundTripAndBadOnesAreRefused() throws Exception {
        Instant sharedAt = Instant.parse("2026-11-28T04:23:19.123456Z");
        SearchResult result = new SearchResult("6.txt", List.of(new FileHit("6.txt", 6, SHA_A,
                List.of(new Holder(1, "127.0.0.1", 9000, sharedAt, "6.txt")))));
        String json = codec.encode(result);
        assertThat(json).contains("\"sharedAt\":\"2026-11-28T04:23:19.123456Z\"");
        assertThat(codec.decode(json)).isEqualTo(result);
        String badDate = json.replace("2026-11-28T04:23:19.123456Z", "2026-02-30T04:23:19Z");
        assertThatThrownBy(() -> codec.decode(badDate)).isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("Invalid " + codec.typeOf(result) + " message: ");
    }

    @Test
    void decode_jsonArray_isRefused() {
        assertThatThrownBy(() -> codec.decode("[1]")).isInstanceOf(ProtocolException.class)
                .hasMessage("The message must be a JSON object.");
    }

    @Test
    void decode_missingType_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"query\":\"x\"}")).isInstanceOf(ProtocolException.class)
                .hasMessage("The message has no \"type\" field.");
    }

    @Test
    void decode_unknownType_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"nuke\"}")).isInstanceOf(ProtocolException.class)
                .hasMessage("Unknown message type \"nuke\".");
    }

    @Test
    void decode_fileNameWithSlash_isRefusedWithFieldName() {
        String json = "{\"type\":\"register\",\"peerKey\":\"" + KEY + "\",\"host\":\"h\",\"port\":1,"
                + "\"files\":[{\"name\":\"../etc/passwd\",\"size\":1,\"sha256\":\"" + SHA_A + "\"}]}";
        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid register message: name must not contain a path separator.");
    }

    @Test
    void decode_searchWithoutQueryOrHash_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"search\"}")).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid search message: query or sha256 is required.");
    }

    @Test
    void decode_wrongFieldType_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ack\",\"peerId\":\"one\",\"files\":1}"))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("Invalid ack message:");
    }

    @Test
    void decode_missingPrimitive_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ack\",\"files\":1}"))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("Invalid ack message:");
    }

    @Test
    void decode_peerChangedWithUnknownChange_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"peerChanged\",\"change\":\"moved\",\"peerId\":1,"
                + "\"host\":\"h\",\"port\":1,\"files\":0}")).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid peerChanged message: change must be \"joined\" or \"left\".");
    }

    @Test
    void decode_heartbeatIntervalOutOfRange_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"heartbeat\",\"peerKey\":\"" + KEY
                + "\",\"intervalSeconds\":0}")).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid heartbeat message: intervalSeconds must be between 1 and 60.");
    }

    @Test
    void decode_heartbeatIntervalOfAnHour_isRefused_soAVanishedPeerCannotStayListedForHours() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"heartbeat\",\"peerKey\":\"" + KEY
                + "\",\"intervalSeconds\":3600}")).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid heartbeat message: intervalSeconds must be between 1 and 60.");
    }

    @Test
    void decode_expectedClassMismatch_isRefused() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ack\",\"peerId\":1,\"files\":1}", SearchResult.class))
                .isInstanceOf(ProtocolException.class).hasMessage("Expected a searchResult message but got ack.");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            {"type":"register","peerKey":"%KEY%","host":"h","port":"80","files":[]}                     | Invalid register message: port must be a whole number, not "80".
            {"type":"register","peerKey":"%KEY%","host":"h","port":80.9,"files":[]}                     | Invalid register message: port must be a whole number, not 80.9.
            {"type":"register","peerKey":"%KEY%","host":"h","port":8e1,"files":[]}                      | Invalid register message: port must be a whole number, not 8e1.
            {"type":"register","peerKey":"%KEY%","host":"h","port":80,"files":[{"name":"a","size":"12","sha256":"%SHA%"}]} | Invalid register message: files[0].size must be a whole number, not "12".
            {"type":"register","peerKey":"%KEY%","host":"h","port":80,"files":[{"name":80,"size":12,"sha256":"%SHA%"}]}   | Invalid register message: files[0].name must be a string, not 80.
            {"type":"register","peerKey":"%KEY%","host":80,"port":80,"files":[]}                        | Invalid register message: host must be a string, not 80.
            {"type":"register","peerKey":"%KEY%","host":"h","port":80,"files":[],"slots":"8"}           | Invalid register message: slots must be a whole number, not "8".
            {"type":"search","query":true}                                                                | Invalid search message: query must be a string, not true.
            {"type":"search","query":"a","limit":"5"}                                                     | Invalid search message: limit must be a whole number, not "5".
            {"type":"heartbeat","peerKey":"%KEY%","intervalSeconds":10.5}                                | Invalid heartbeat message: intervalSeconds must be a whole number, not 10.5.
            {"type":"register","peerKey":"%KEY%","host":"h","port":80,"files":"all"}                    | Invalid register message: files must be a list, not a string.
            """)
    void decode_valueOfAnotherKind_isRefusedNamingTheField(String json, String message) {
        assertThatThrownBy(() -> codec.decode(json.replace("%KEY%", KEY).replace("%SHA%", SHA_A)))
                .isInstanceOf(ProtocolException.class).hasMessage(message);
    }

    @Test
    void decode_nameWithALoneSurrogate_isRefusedNotStoredAsAnotherName() {
        String json = "{\"type\":\"register\",\"peerKey\":\"" + KEY + "\",\"host\":\"h\",\"port\":80,"
                + "\"files\":[{\"name\":\"zz-sur\\ud800.txt\",\"size\":1,\"sha256\":\"" + SHA_A + "\"}]}";

        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(ProtocolException.class)
                .hasMessage("Invalid register message: name must not contain half a character (an unpaired"
                        + " surrogate \\ud800).");
    }

    @Test
    void decode_nameWithAWholeCharacterBeyondTheBasicPlane_isKept() throws Exception {
        String json = "{\"type\":\"search\",\"query\":\"\\ud83d\\ude00 smile\"}";

        assertThat(codec.decode(json, Search.class).query()).isEqualTo("\uD83D\uDE00 smile");
    }
}
