package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class BrokerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void clearProperty() {
        System.clearProperty("napster.home");
        System.clearProperty(Verbosity.LEVEL_PROPERTY);
    }

    @Test
    void broker_noOptions_usesTheDocumentedDefaults() {
        BrokerSettings settings = settingsOf("broker");

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.brokerPort()).isEqualTo(61616);
        assertThat(settings.stompPort()).isEqualTo(61613);
        assertThat(settings.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".napster", "data"));
        assertThat(settings.configDir()).isEqualTo(Path.of(".", "broker-config"));
    }

    @Test
    void up_napsterHomeSet_readsConfigBelowIt() {
        System.setProperty("napster.home", "/opt/napster");

        assertThat(settingsOf("up").configDir()).isEqualTo(Path.of("/opt/napster/broker-config"));
    }

    @Test
    void up_noOptions_consoleOnPort8161OfTheBrokerHost() {
        ConsoleSettings console = consoleOf("up");

        assertThat(console.host()).isEqualTo("127.0.0.1");
        assertThat(console.port()).isEqualTo(8161);
    }

    @Test
    void broker_consoleOptions_areRead() {
        ConsoleSettings console = consoleOf("broker", "--host", "::1", "--console-port", "0");

        assertThat(console.host()).isEqualTo("::1");
        assertThat(console.port()).isZero();
    }

    @Test
    void up_napsterHomeSet_servesTheWarUnpackedBelowIt() {
        System.setProperty("napster.home", "/opt/napster");

        assertThat(consoleOf("up").webappDir()).isEqualTo(Path.of("/opt/napster/broker-config/target/webconsole"));
    }

    @Test
    void up_dataOption_consoleScratchFilesBelowIt() {
        assertThat(consoleOf("up", "--data", "/tmp/d").workDir()).isEqualTo(Path.of("/tmp/d/webconsole"));
    }

    @Test
    void up_consolePortOutOfRange_isUsageErrorExit2() {
        int exit = execute("up", "--console-port", "-1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("The console port must be between 0 and 65535, not -1.");
    }

    @Test
    void broker_consolePortEqualsBrokerPort_isUsageErrorExit2() {
        int exit = execute("broker", "--broker-port", "5000", "--console-port", "5000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("The console port must differ from the broker and STOMP ports (5000 is given twice).");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void up_allOptions_areRead() {
        BrokerSettings settings = settingsOf("up", "--host", "::1", "--broker-port", "0", "--stomp-port", "7000",
                "--data", "/tmp/d", "--config-dir", "/etc/napster", "-v");

        assertThat(settings).isEqualTo(new BrokerSettings(Path.of("/etc/napster"), "::1", 0, 7000, Path.of("/tmp/d")));
    }

    @Test
    void broker_portNotANumber_isUsageErrorExit2() {
        int exit = execute("broker", "--broker-port", "lots");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--broker-port': 'lots' is not an int");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void up_portOutOfRange_isUsageErrorExit2() {
        int exit = execute("up", "--stomp-port", "70000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("The STOMP port must be between 0 and 65535, not 70000.");
    }

    @Test
    void broker_samePortTwice_isUsageErrorExit2() {
        int exit = execute("broker", "--broker-port", "5000", "--stomp-port", "5000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("The broker and STOMP ports must differ (both are 5000).");
    }

    @Test
    void noCommand_isUsageErrorExit2() {
        assertThat(execute()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command: up or broker.");
    }

    @Test
    void unknownOption_isUsageErrorExit2() {
        assertThat(execute("up", "--frobnicate")).isEqualTo(2);
    }

    @Test
    void help_listsTheOptions_exit0() {
        assertThat(execute("up", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("--host", "--broker-port", "--stomp-port", "--console-port", "--data",
                "--config-dir", "-v");
    }

    @Test
    void broker_missingConfigDir_isOneSentenceExit1() {
        int exit = execute("broker", "--config-dir", "/no/such/dir", "--broker-port", "0", "--stomp-port", "0",
                "--console-port", "0");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Cannot read the broker configuration file /no/such/dir/activemq.xml;"
                + " pass --config-dir to choose the folder with activemq.xml." + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    private BrokerSettings settingsOf(String... args) {
        CommandLine commandLine = BrokerMain.commandLine(new BrokerMain());
        ParseResult parsed = commandLine.parseArgs(args);
        Object command = parsed.subcommand().commandSpec().userObject();
        return command instanceof UpCommand up ? up.options.settings() : ((BrokerCommand) command).options.settings();
    }

    private ConsoleSettings consoleOf(String... args) {
        CommandLine commandLine = BrokerMain.commandLine(new BrokerMain());
        ParseResult parsed = commandLine.parseArgs(args);
        Object command = parsed.subcommand().commandSpec().userObject();
        return command instanceof UpCommand up ? up.options.consoleSettings()
                : ((BrokerCommand) command).options.consoleSettings();
    }

    private int execute(String... args) {
        CommandLine commandLine = BrokerMain.commandLine(new BrokerMain());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return commandLine.execute(args);
    }
}
