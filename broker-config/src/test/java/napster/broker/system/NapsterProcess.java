package napster.broker.system;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real {@code ./napster} process started by a test; its output lines are collected as
 * they come. {@link #close()} stops exactly this process (the launcher execs java, so the
 * process is the JVM itself).
 */
final class NapsterProcess implements AutoCloseable {
    static final Path HOME = Path.of("").toAbsolutePath().getParent();

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private NapsterProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "napster-process-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static NapsterProcess start(Path workDir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("napster").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("XDG_CACHE_HOME", workDir.resolve("cache").toString());
        builder.environment().put("NAPSTER_SKIP_BUILD", "1");
        return new NapsterProcess(builder.start());
    }

    /** Runs a command to its end (at most a minute) and returns its exit code and output. */
    static Result run(Path workDir, String... arguments) throws Exception {
        return runWithInput(workDir, "", arguments);
    }

    /** As {@link #run}, typing {@code input} on the command's standard input, then closing it. */
    static Result runWithInput(Path workDir, String input, String... arguments) throws Exception {
        try (NapsterProcess process = start(workDir, arguments)) {
            try (var stdin = process.process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("napster " + String.join(" ", arguments) + " did not finish in 60 s");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !process.reading());
            return new Result(process.process.exitValue(), process.output());
        }
    }

    /** Waits until a line matches and returns its match. */
    Matcher awaitLine(Pattern pattern, Duration timeout) {
        Matcher[] found = new Matcher[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (String line : snapshot()) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    found[0] = matcher;
                    return true;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before printing "
                        + pattern + ":\n" + output());
            }
            return false;
        });
        return found[0];
    }

    String output() {
        return String.join("\n", snapshot());
    }

    private List<String> snapshot() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private volatile boolean reading = true;

    private boolean reading() {
        return reading;
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process was stopped; what it printed so far is kept
        } finally {
            reading = false;
        }
    }

    /**
     * Ctrl-C: SIGINT, as a terminal sends it. A build started in the background by a
     * non-interactive shell (as CI may be) inherits SIGINT ignored and hands that on to every
     * child, whose JVM then installs no handler for it; there SIGTERM, which runs the same
     * shutdown hooks, stands in.
     */
    void interrupt() throws Exception {
        String signal = sigintIgnored() ? "TERM" : "INT";
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("could not send SIG" + signal + " to " + process.pid());
        }
    }

    /** Whether this JVM, and so every process it starts, ignores SIGINT (Linux: /proc). */
    static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        long ignored = Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16))
                .findFirst().orElse(0L);
        return (ignored & (1L << (2 - 1))) != 0; // SIGINT is signal 2, bit 1
    }

    /** Waits for the process to end; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout + ":\n" + output());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !reading());
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up, as after a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, so shutdown hooks run (peers unregister); SIGKILL if it does not end within 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    record Result(int exitCode, String output) {
    }
}
