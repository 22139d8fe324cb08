package napster.peer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import napster.common.protocol.ListPeers;
import napster.common.protocol.Search;
import napster.peer.session.ShareSettings;
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
    void share_livenessOptions_areParsed() {
        ShareCommand share = command(napster().parseArgs("share", "dir", "--heartbeat", "3", "--no-watch",
                "--rescan", "7"), ShareCommand.class);
        ShareSettings settings = share.settings();
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.watch()).isFalse();
        assertThat(settings.rescan()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void share_livenessDefaults_areTenSecondBeatsWatchingAndThirtySecondRescans() {
        ShareSettings settings = command(napster().parseArgs("share", "dir"), ShareCommand.class).settings();
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.watch()).isTrue();
        assertThat(settings.rescan()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shareZeroHeartbeat_isBadUsageWithExit2() {
        assertThat(napster().execute("share", "dir", "--heartbeat", "0", "--broker", "tcp://127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--heartbeat must be a whole number of seconds between 1 and 60.");
    }

    @Test
    void shareHourLongHeartbeat_isBadUsage_soAVanishedPeerCannotStayListedForHours() {
        assertThat(napster().execute("share", "dir", "--heartbeat", "3600", "--broker", "tcp://127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--heartbeat must be a whole number of seconds between 1 and 60.");
    }

    @Test
    void shareNegativeRescan_isBadUsageWithExit2() {
        assertThat(napster().execute("share", "dir", "--rescan", "-1", "--broker", "tcp://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--rescan must be 0 (no periodic rescan) or more seconds.");
    }

    @Test
    void peers_jsonAndLimit_areParsed() {
        PeersCommand peers = command(napster().parseArgs("peers", "--json", "--limit", "5"), PeersCommand.class);
        assertThat(peers.json).isTrue();
        assertThat(peers.request()).isEqualTo(new ListPeers(5));
    }

    @Test
    void peers_defaults_areATableOfUpToAThousand() {
        PeersCommand peers = command(napster().parseArgs("peers"), PeersCommand.class);
        assertThat(peers.json).isFalse();
        assertThat(peers.request()).isEqualTo(new ListPeers(1000));
    }

    @Test
    void peersLimitOutOfRange_isBadUsageWithExit2() {
        assertThat(napster().execute("peers", "--limit", "0")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--limit must be between 1 and 10000.");
    }

    @Test
    void watch_queryAndJson_areParsed() {
        WatchCommand watch = command(napster().parseArgs("watch", "6.txt", "--json"), WatchCommand.class);
        assertThat(watch.query).isEqualTo("6.txt");
        assertThat(watch.json).isTrue();
    }

    @Test
    void watch_withoutQuery_isBadUsageWithExit2() {
        assertThat(napster().execute("watch")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required parameter: 'QUERY'");
    }

    @Test
    void search_jsonAndLimit_areParsed() {
        SearchCommand search = command(napster().parseArgs("search", "6.txt", "--json", "--limit", "5"),
                SearchCommand.class);
        assertThat(search.json).isTrue();
        assertThat(search.search()).isEqualTo(new Search("6.txt", null, 5));
    }

    @Test
    void search_upperCaseShaQuery_searchesByContentInLowerCase() {
        String sha = "0A0F501B504A497063D897921D35129C31BECCFAC470037350FA4D0068B9F83B";
        SearchCommand search = command(napster().parseArgs("search", sha), SearchCommand.class);
        assertThat(search.search()).isEqualTo(new Search(null, sha.toLowerCase(java.util.Locale.ROOT), 100));
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
    void get_swarmOptions_areParsed() {
        GetCommand get = command(napster().parseArgs("get", "6.txt", "--max-download-rate", "1.5M", "--share"),
                GetCommand.class);
        assertThat(get.maxDownloadRate).isEqualTo(1_572_864);
        assertThat(get.share).isTrue();
    }

    @Test
    void get_swarmDefaults_noCapAndNoSharing() {
        GetCommand get = command(napster().parseArgs("get", "6.txt"), GetCommand.class);
        assertThat(get.maxDownloadRate).isZero();
        assertThat(get.share).isFalse();
    }

    @Test
    void share_maxUploadRate_reachesTheSettings() {
        ShareCommand share = command(napster().parseArgs("share", "dir", "--max-upload-rate", "16M"), ShareCommand.class);
        assertThat(share.settings().maxUploadRate()).isEqualTo(16L << 20);
        assertThat(command(napster().parseArgs("share", "dir"), ShareCommand.class).settings().maxUploadRate()).isZero();
    }

    @Test
    void search_ping_isParsed() {
        assertThat(command(napster().parseArgs("search", "x", "--ping"), SearchCommand.class).ping).isTrue();
        assertThat(command(napster().parseArgs("search", "x"), SearchCommand.class).ping).isFalse();
    }

    @Test
    void badRate_isBadUsageInOneSentenceWithExit2() {
        assertThat(napster().execute("get", "6.txt", "--max-download-rate", "fast")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--max-download-rate': 'fast' is not a rate:"
                + " give bytes per second with an optional K, M or G suffix, e.g. 16M.")
                .doesNotContain("Exception");
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
    void search_filters_areParsedIntoTheRequest() {
        SearchCommand search = command(napster().parseArgs("search", "beat yest -live", "--ext", "mp3,.FLAC",
                "--ext", "ogg", "--min-size", "1M", "--max-size", "1.5G", "--type", "Audio"), SearchCommand.class);

        assertThat(search.search()).isEqualTo(new Search("beat yest -live", null, 100, List.of("mp3", "flac", "ogg"),
                1_048_576L, 1_610_612_736L, "audio"));
    }

    @Test
    void search_badFilters_areBadUsageWithExit2AndOneSentence() {
        assertBadUsage("--ext: an extension is lower-case letters and digits without the dot, not \"m p3\".",
                "search", "x", "--ext", "m p3");
        assertBadUsage("--min-size must not be more than --max-size.", "search", "x", "--min-size", "10M",
                "--max-size", "1M");
        assertBadUsage("--type must be one of audio, video, image, document, archive, program, not \"music\".",
                "search", "x", "--type", "music");
        assertThat(napster().execute("search", "x", "--min-size", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("'lots' is not a size");
    }

    @Test
    void search_queryStartingWithAnExclusion_isTheQuery_notAnOption() {
        SearchCommand search = command(napster().parseArgs("search", "-live beatles", "--limit", "5"),
                SearchCommand.class);

        assertThat(search.search()).isEqualTo(new Search("-live beatles", null, 5));
    }

    @Test
    void browse_peerJsonAndLimit_areParsed() {
        BrowseCommand browse = command(napster().parseArgs("browse", "7", "--json", "--limit", "5"),
                BrowseCommand.class);

        assertThat(browse.peerId).isEqualTo(7);
        assertThat(browse.json).isTrue();
        assertThat(browse.limit).isEqualTo(5);
    }

    @Test
    void browse_badPeerOrLimit_isBadUsageWithExit2() {
        assertBadUsage("PEER_ID must be a peer id (1 or more), as `peers` shows them.", "browse", "0");
        assertBadUsage("--limit must be at least 1.", "browse", "3", "--limit", "0");
        assertThat(napster().execute("browse", "x")).isEqualTo(2);
    }

    private void assertBadUsage(String sentence, String... args) {
        err.getBuffer().setLength(0);
        assertThat(napster().execute(args)).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(sentence);
    }

    @Test
    void shareNegativeSlots_isBadUsageWithExit2() {
        assertThat(napster().execute("share", "dir", "--slots", "0", "--broker", "tcp://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--slots must be at least 1.");
    }

    @Test
    void help_listsClientCommandsAndServerCommands() {
        assertThat(napster().execute("--help")).isZero();
        assertThat(out.toString()).contains("share", "search", "browse", "get", "peers", "watch", "menu",
                "up (broker + indexer)");
    }

    @Test
    void subcommands_areTheDocumentedOnes() {
        assertThat(napster().getSubcommands().keySet()).containsExactlyInAnyOrderElementsOf(
                List.of("share", "search", "browse", "get", "peers", "watch", "menu"));
    }

    @Test
    void share_folderThatIsNotThere_exitsOneWithOneSentenceBeforeHashing() {
        assertThat(napster().execute("share", "/no/such/folder", "--broker", "tcp://127.0.0.1:9")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("Cannot share /no/such/folder: no such directory.");
        assertThat(out.toString()).isEmpty();
    }
}
