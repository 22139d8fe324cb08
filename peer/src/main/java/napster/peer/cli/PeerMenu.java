package napster.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import napster.common.jms.ClientSettings;
import napster.common.protocol.FileHit;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;
import napster.common.protocol.SharedFile;
import napster.peer.index.IndexClient;
import napster.peer.session.FetchPlan;
import napster.peer.session.ShareSettings;
import napster.peer.session.SharingSession;
import napster.peer.transfer.DownloadResult;
import napster.peer.transfer.Downloader;

/**
 * The seed's menu: run the server, or run a peer that searches and downloads, or registers
 * and shares a folder. Invalid answers are asked again; failures are reported and the menu
 * goes on; end of input ends it.
 */
final class PeerMenu {
    /** The most files "Browse a peer's files" prints; the browse command lists them all. */
    static final int MENU_BROWSE_LIMIT = 1_000;

    /** Starts the server with {@code ./napster up} arguments and returns its exit code. */
    interface ServerStarter {
        int start(List<String> upArguments) throws Exception;
    }

    private final Prompter prompter;
    private final PrintWriter out;
    private final ClientOptions client;
    private final ServerStarter serverStarter;

    PeerMenu(Prompter prompter, PrintWriter out, ClientOptions client, ServerStarter serverStarter) {
        this.prompter = prompter;
        this.out = out;
        this.client = client;
        this.serverStarter = serverStarter;
    }

    int run() throws Exception {
        try {
            out.println("1 - Run Server");
            out.println("2 - Run Peer");
            int choice = prompter.ask("Please select whichever you want.", null, "Please enter 1 or 2.",
                    answer -> Prompter.integerIn(answer, 1, 2));
            return choice == 1 ? runServer() : runPeer();
        } catch (Prompter.EndOfInput e) {
            out.println();
            return 0;
        }
    }

    private int runServer() throws Exception {
        String host = prompter.ask("Please enter the IP the server listens on (0 for localhost).", "127.0.0.1",
                "Please enter an address such as 127.0.0.1.", PeerMenu::host);
        int port = prompter.ask("Please enter the port number the broker is going to listen to.", "61616",
                "Please enter a port between 1 and 65535.", answer -> Prompter.integerIn(answer, 1, 65_535));
        return serverStarter.start(List.of("up", "--host", host, "--broker-port", String.valueOf(port)));
    }

    private int runPeer() throws Exception {
        ClientSettings defaults = client.settings();
        int port = prompter.ask("Please enter the server's (broker's) port number.", "61616",
                "Please enter a port between 1 and 65535.", answer -> Prompter.integerIn(answer, 1, 65_535));
        String host = prompter.ask("Please enter the server's IP (0 for localhost).", "127.0.0.1",
                "Please enter an address such as 127.0.0.1.", PeerMenu::host);
        ClientSettings settings = new ClientSettings("tcp://" + host + ":" + port, defaults.user(), defaults.password());
        while (true) {
            out.println("1 - Search for a filename and download it.");
            out.println("2 - Register to the indexing server and share a folder.");
            out.println("3 - Browse a peer's files.");
            out.println("q - Quit");
            String choice = prompter.ask("Please select.", null, "Please enter 1, 2, 3 or q.",
                    answer -> List.of("1", "2", "3", "q").contains(answer) ? Optional.of(answer) : Optional.empty());
            try {
                switch (choice) {
                    case "1" -> searchAndDownload(settings);
                    case "2" -> shareUntilQuit(settings);
                    case "3" -> browse(settings);
                    default -> {
                        return 0;
                    }
                }
            } catch (Prompter.EndOfInput e) {
                throw e;
            } catch (Exception e) {
                out.println(DisplayText.of(ErrorHandler.sentence(e)));
            }
        }
    }

    private void searchAndDownload(ClientSettings settings) throws Exception {
        String query = prompter.ask("Please enter filename you want to search for.", null,
                "Please enter words of a file name (\"a phrase\", -excluded), a name or a SHA-256.",
                answer -> answer.isBlank() ? Optional.empty() : Optional.of(answer));
        SearchResult result;
        try (IndexClient index = IndexClient.connect(settings, "menu", client.timeout())) {
            result = index.search(Search.byName(query)); // the query language: a SHA-256 in it works too
        }
        if (result.results().isEmpty()) {
            out.println("No peer shares a file matching \"" + DisplayText.of(query) + "\".");
            return;
        }
        List<FileHit> hits = result.results();
        out.println("File " + DisplayText.of(query) + " was found in the following one or more peers. Peer/s details are:");
        new ResultPrinter(out, ZoneId.systemDefault()).printResults(query, hits);
        int fileNumber = hits.size() == 1 ? 1 : prompter.ask("Which file do you want (1-" + hits.size() + ")?", "1",
                "Please enter a number between 1 and " + hits.size() + ".",
                answer -> Prompter.integerIn(answer, 1, hits.size()));
        FileHit hit = hits.get(fileNumber - 1);
        if (!prompter.ask("Do you want to download it (Y/N)?", "Y", "Please answer Y or N.", Prompter::yesNo)) {
            return;
        }
        Integer peerId = null;
        if (hit.peers().size() > 1) {
            String answer = prompter.ask("Please specify Peer ID (or Enter for any).", "any",
                    "Please enter one of the Peer IDs above.", text -> text.equals("any") ? Optional.of(text)
                            : hit.peers().stream().map(h -> String.valueOf(h.peerId())).filter(text::equals).findFirst());
            peerId = answer.equals("any") ? null : Integer.valueOf(answer);
        }
        FetchPlan plan = FetchPlan.choose(hit.sha256(), peerId, List.of(hit));
        DownloadResult downloaded = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(30))
                .download(plan.file(), plan.holders(), Path.of("downloads"), line -> {
                    out.println(DisplayText.of(line));
                    out.flush();
                });
        out.println(DisplayText.of(GetCommand.describe(downloaded)));
    }

    private void browse(ClientSettings settings) throws Exception {
        int peerId = prompter.ask("Please enter the Peer ID whose files you want to see.", null,
                "Please enter a Peer ID (a number, as search results show them).",
                answer -> Prompter.integerIn(answer, 1, Integer.MAX_VALUE));
        List<SharedFile> files;
        try (IndexClient index = IndexClient.connect(settings, "menu", client.timeout())) {
            files = BrowseCommand.browse(index, peerId, MENU_BROWSE_LIMIT);
        }
        BrowseCommand.print(out, peerId, files);
        if (files.size() == MENU_BROWSE_LIMIT) {
            out.println("(The first " + MENU_BROWSE_LIMIT + " files; ./napster browse " + peerId + " lists them all.)");
        }
    }

    private void shareUntilQuit(ClientSettings settings) throws Exception {
        int port = prompter.ask("Please enter your port number (0 for any free port).", "0",
                "Please enter a port between 0 and 65535.", answer -> Prompter.integerIn(answer, 0, 65_535));
        String host = prompter.ask("Please enter your IP as other peers reach it (0 for localhost).", "127.0.0.1",
                "Please enter an address such as 127.0.0.1.", PeerMenu::host);
        Path folder = prompter.ask("Please enter the directory path of which you want to share its files.", null,
                "That is not a readable directory; please enter another path.",
                answer -> Files.isDirectory(Path.of(answer)) ? Optional.of(Path.of(answer)) : Optional.empty());
        ShareSettings share = new ShareSettings(List.of(folder), port, host, 8, Duration.ofSeconds(60),
                ShareCommand.defaultCacheDir());
        try (SharingSession session = SharingSession.start(share, settings, client.timeout(), line -> {
            out.println(DisplayText.of(line));
            out.flush();
        })) {
            // Ctrl-C while sharing still unregisters at once.
            Thread unregisterOnExit = new Thread(session::close, "menu-share-shutdown");
            Runtime.getRuntime().addShutdownHook(unregisterOnExit);
            if (session.registeredAtStart()) {
                out.println("Congratulations you have been registered successfully as peer " + session.peerId() + ".");
            }
            ShareCommand.printBanner(out, session);
            out.println("[*] You will now be put to the listening state. Type q and Enter to stop sharing.");
            out.flush();
            try {
                while (!prompter.readLine().strip().equalsIgnoreCase("q")) {
                    out.println("Type q and Enter to stop sharing.");
                    out.flush();
                }
            } finally {
                Runtime.getRuntime().removeShutdownHook(unregisterOnExit);
            }
        }
        out.println("Stopped sharing; unregistered from the index.");
    }

    private static Optional<String> host(String answer) {
        if (answer.equals("0")) {
            return Optional.of("127.0.0.1");
        }
        return answer.chars().anyMatch(Character::isWhitespace) ? Optional.empty() : Optional.of(answer);
    }
}
