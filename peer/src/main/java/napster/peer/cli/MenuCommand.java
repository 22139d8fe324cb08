package napster.peer.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code menu}: the seed's interactive menu; {@code ./napster} with no arguments opens it. */
@Command(name = "menu", mixinStandardHelpOptions = true,
        description = "Interactive menu: 1 run the server, 2 run a peer (search and download, or share).")
final class MenuCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        PeerMenu menu = new PeerMenu(new Prompter(in, spec.commandLine().getOut()), spec.commandLine().getOut(),
                client, MenuCommand::runServer);
        return menu.run();
    }

    /** Runs {@code ./napster up ...} in the foreground: the server lives in its own JVM with the broker's classpath. */
    static int runServer(List<String> upArguments) throws Exception {
        String home = System.getProperty("napster.home");
        if (home == null) {
            throw new CommandFailure("Cannot find the napster launcher; start the server with ./napster up.");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(home, "napster").toString());
        command.addAll(upArguments);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
