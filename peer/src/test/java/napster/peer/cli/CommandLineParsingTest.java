package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import napster.common.protocol.Search;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class CommandLineParsingTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine napster() {
        CommandLine commandLine = Napster.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private static <T> T command(ParseResult parsed, Class<T> type) {
        return type.cast(parsed.subcommand().commandSpec().userObject());
    }

    @Test
    void share_allOptions_areParsed() {
        ParseResult parsed = napster().parseArgs("share", "music", "books", "--port", "25000",
                "--advertise-host", "10.0.0.5", "--slots", "3", "--broker", "tcp://127.0.0.1:1", "--user", "u",
                "--password", "p");
        ShareCommand share = command(parsed, ShareCommand.class);
        assertThat(share.folders).containsExactly(Path.of("music"), Path.of("books"));
        assertThat(share.port).isEqualTo(25000);
        assertThat(share.advertiseHost).isEqualTo("10.0.0.5");
        assertThat(share.slots).isEqualTo(3);
        assertThat(share.client.settings().brokerUrl()).isEqualTo("tcp://127.0.0.1:1");
        assertThat(share.client.settings().user()).isEqualTo("u");
        assertThat(share.client.settings().password()).isEqualTo("p");
    }

    @Test
    void share_defaults_areEphemeralPortLoopbackAndEightSlots() {
        ShareCommand share = command(napster().parseArgs("share", "dir"), ShareCommand.class);
        assertThat(share.port).isZero();
        assertThat(share.advertiseHost).isEqualTo("127.0.0.1");
        assertThat(share.slots).isEqualTo(8);
        assertThat(share.client.timeout().toSeconds()).isEqualTo(10);
    }

    @Test
    void search_jsonAndLimit_areParsed() {
        SearchCommand search = command(napster().parseArgs("search", "6.txt", "--json", "--limit", "5"),
                SearchCommand.class);
        assertThat(search.json).isTrue();
        assertThat(search.search()).isEqualTo(new Search("6.txt", null, 5));
    }

    @Test
    void search_shaQuery_searchesByContent() {
        String sha = "d".repeat(64);
        SearchCommand search = command(napster().parseArgs("search", sha), SearchCommand.class);
        assertThat(search.search()).isEqualTo(new Search(null, sha, 100));
    }

    @Test
    void get_allOptions_areParsed() {
        GetCommand get = command(napster().parseArgs("get", "6.txt", "--from", "2", "--to", "dl", "--json"),
                GetCommand.class);
        assertThat(get.file).isEqualTo("6.txt");
        assertThat(get.fromPeerId).isEqualTo(2);
        assertThat(get.targetDir).isEqualTo(Path.of("dl"));
        assertThat(get.json).isTrue();
    }

    @Test
    void get_defaults_downloadIntoDownloadsFromAnyPeer() {
        GetCommand get = command(napster().parseArgs("get", "6.txt"), GetCommand.class);
        assertThat(get.fromPeerId).isNull();
        assertThat(get.targetDir).isEqualTo(Path.of("downloads"));
    }

    @Test
    void badNumber_isBadUsageInOneSentenceWithExit2() {
        int exit = napster().execute("share", "dir", "--port", "many");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(2);
        assertThat(err.toString()).contains("'many' is not an int")
                .contains("Run 'napster share --help' for the options.");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void missingQuery_isBadUsageWithExit2() {
        assertThat(napster().execute("search")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required parameter: 'QUERY'");
    }

    @Test
    void unknownCommand_isBadUsageWithExit2() {
        assertThat(napster().execute("fly")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument");
    }

    @Test
    void searchLimitOutOfRange_isBadUsageWithExit2() {
        assertThat(napster().execute("search", "x", "--limit", "0")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--limit must be between 1 and 1000.");
    }

    @Test
    void shareNegativeSlots_isBadUsageWithExit2() {
        assertThat(napster().execute("share", "dir", "--slots", "0", "--broker", "tcp://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--slots must be at least 1.");
    }

    @Test
    void help_listsClientCommandsAndServerCommands() {
        assertThat(napster().execute("--help")).isZero();
        assertThat(out.toString()).contains("share", "search", "get", "menu", "up (broker + indexer)");
    }

    @Test
    void subcommands_areTheDocumentedOnes() {
        assertThat(napster().getSubcommands().keySet()).containsExactlyInAnyOrderElementsOf(
                List.of("share", "search", "get", "menu"));
    }

    @Test
    void share_folderThatIsNotThere_exitsOneWithOneSentenceBeforeHashing() {
        assertThat(napster().execute("share", "/no/such/folder", "--broker", "tcp://127.0.0.1:9")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("Cannot share /no/such/folder: no such directory.");
        assertThat(out.toString()).isEmpty();
    }
}
