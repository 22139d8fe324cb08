package napster.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marked examples of PROTOCOL.md, so tests run exactly what the document shows. A marked
 * example is a fenced code block right after a line {@code <!-- NAME -->}.
 */
public final class ProtocolDoc {
    private static final Pattern MARKER = Pattern.compile("<!-- ([a-z]+:[a-zA-Z0-9-]+) -->");

    private final Path path;
    private final String text;
    private final Map<String, String> blocks;

    private ProtocolDoc(Path path, String text, Map<String, String> blocks) {
        this.path = path;
        this.text = text;
        this.blocks = blocks;
    }

    /** Reads PROTOCOL.md from the repository root: the parent of the module the tests run in. */
    public static ProtocolDoc load() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path path = moduleDir.toAbsolutePath().resolve("../PROTOCOL.md").normalize();
        try {
            return parse(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static ProtocolDoc parse(Path path, String text) {
        Map<String, String> blocks = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            String name = marker.group(1);
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                throw new IllegalStateException(path + ": marker " + name + " is not followed by a code block");
            }
            StringBuilder block = new StringBuilder();
            int j = i + 2;
            for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                block.append(lines.get(j)).append('\n');
            }
            if (j == lines.size()) {
                throw new IllegalStateException(path + ": the code block of " + name + " is not closed");
            }
            if (blocks.putIfAbsent(name, block.toString()) != null) {
                throw new IllegalStateException(path + ": marker " + name + " appears twice");
            }
            i = j;
        }
        return new ProtocolDoc(path, text, blocks);
    }

    /** The whole document. */
    public String text() {
        return text;
    }

    /** Every marked block whose name starts with {@code prefix} (e.g. "example:"), by name, in document order. */
    public Map<String, String> blocks(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        blocks.forEach((name, block) -> {
            if (name.startsWith(prefix)) {
                found.put(name, block);
            }
        });
        return found;
    }

    /** The text of the block marked {@code name}, each line ending in {@code \n}. */
    public String block(String name) {
        String block = blocks.get(name);
        if (block == null) {
            throw new IllegalArgumentException(path + " has no block marked <!-- " + name + " -->");
        }
        return block;
    }

    /**
     * The exact bytes of a STOMP frame shown in the block marked {@code name}: its lines joined
     * with {@code \n}, the written {@code ^@} turned into the NUL byte that ends the frame.
     */
    public byte[] stompFrame(String name) {
        String block = block(name);
        int nul = block.lastIndexOf("^@");
        if (nul < 0 || !block.substring(nul + 2).isBlank()) {
            throw new IllegalStateException(path + ": the frame " + name + " does not end with ^@");
        }
        return (block.substring(0, nul) + '\0').getBytes(StandardCharsets.UTF_8);
    }
}
