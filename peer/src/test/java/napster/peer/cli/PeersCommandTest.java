package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import napster.common.protocol.PeerInfo;
import napster.common.protocol.PeerList;
import napster.common.protocol.ProtocolCodec;
import org.junit.jupiter.api.Test;

class PeersCommandTest {
    private final StringWriter text = new StringWriter();

    @Test
    void print_peers_showsOneRowEachWithHumanSizesAndLocalTime() {
        PeersCommand.print(new PrintWriter(text), new PeerList(List.of(
                new PeerInfo(1, "127.0.0.1", 35000, 3, 1536, Instant.parse("2026-11-05T12:00:01Z")),
                new PeerInfo(2, "10.0.0.2", 25000, 0, 0, Instant.parse("2026-11-05T12:00:02Z")))), ZoneOffset.ofHours(1));
        assertThat(text.toString().lines()).containsExactly(
                "2 peers:",
                "    Peer ID  Host                   Port      Files     Shared  Last seen",
                "    1        127.0.0.1              35000         3    1.5 KiB  2026-11-05 13:00:01",
                "    2        10.0.0.2               25000         0        0 B  2026-11-05 13:00:02");
    }

    @Test
    void print_noPeers_saysSo() {
        PeersCommand.print(new PrintWriter(text), new PeerList(List.of()), ZoneOffset.UTC);
        assertThat(text.toString().strip()).isEqualTo("No peers are registered.");
    }

    @Test
    void json_isThePeerListDocument() throws Exception {
        String json = ProtocolCodec.newMapper().writeValueAsString(new PeerList(List.of(
                new PeerInfo(1, "127.0.0.1", 35000, 3, 1536, Instant.parse("2026-11-05T12:00:01Z")))));
        assertThat(json).isEqualTo("{\"peers\":[{\"peerId\":1,\"host\":\"127.0.0.1\",\"port\":35000,\"files\":3,"
                + "\"bytes\":1536,\"lastSeen\":\"2026-11-05T12:00:01Z\"}]}");
    }
}
