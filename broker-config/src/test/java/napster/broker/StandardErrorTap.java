package napster.broker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a copy of what this JVM writes to standard error while open, where the broker's
 * logger (slf4j-simple) writes; everything still reaches the real standard error. Bounded: at
 * most {@code limit} bytes are kept, the rest only passed on.
 */
final class StandardErrorTap implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;

    private StandardErrorTap(int limit) {
        this.limit = limit;
    }

    static StandardErrorTap open(int limit) {
        StandardErrorTap tap = new StandardErrorTap(limit);
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                tap.original.write(bytes, offset, length);
                synchronized (tap.kept) {
                    tap.kept.write(bytes, offset, Math.max(0, Math.min(length, tap.limit - tap.kept.size())));
                }
            }
        }, true, StandardCharsets.UTF_8));
        return tap;
    }

    /** Lines kept so far that contain {@code text}. */
    long linesContaining(String text) {
        String all;
        synchronized (kept) {
            all = kept.toString(StandardCharsets.UTF_8);
        }
        return all.lines().filter(line -> line.contains(text)).count();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
