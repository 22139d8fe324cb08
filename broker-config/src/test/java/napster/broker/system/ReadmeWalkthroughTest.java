package napster.broker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through runs on the sample folders the repository ships, word for word:
 * they exist, hold what the README says they hold, and share the same 6.txt.
 */
class ReadmeWalkthroughTest {
    private static final Path HOME = Path.of("").toAbsolutePath().getParent();

    @Test
    void sampleFolders_holdWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(HOME.resolve("README.md"));
        Path peer1 = HOME.resolve("peer1/testing_files");
        Path peer2 = HOME.resolve("peer2/testing_files");

        assertThat(readme).contains("./napster share peer1/testing_files --port 25000",
                "./napster share peer2/testing_files --port 35000");
        List<Path> files = files(peer1);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        assertThat(readme).contains("Sharing " + files.size() + " files (" + bytes + " B) on 127.0.0.1:25000 as peer 1.");
        assertThat(Files.mismatch(peer1.resolve("6.txt"), peer2.resolve("6.txt"))).isEqualTo(-1L);
        String sha = WalkthroughIT.sha256(Files.readAllBytes(peer1.resolve("6.txt")));
        assertThat(readme).contains("6.txt  (" + Files.size(peer1.resolve("6.txt")) + " B, SHA-256 " + sha + ")")
                .contains(sha + "  downloads/6.txt", sha + "  peer2/testing_files/6.txt");
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
