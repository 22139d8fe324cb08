package napster.indexer;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP 1.2 frame as it travels: command line, header lines, a blank line, the body and
 * a NUL byte. Reads frames from a stream the way a minimal client in any language would.
 */
record StompFrame(String command, Map<String, String> headers, String body) {
    StompFrame {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    String header(String name) {
        return headers.get(name);
    }

    /**
     * Reads the next frame: skips heart-beat EOLs, honours content-length when present (else
     * the body ends at the first NUL), and undoes the STOMP 1.2 header escapes except in
     * CONNECTED frames. A repeated header keeps its first value, as the spec says.
     */
    static StompFrame read(InputStream in) throws IOException {
        String command = readLine(in);
        while (command.isEmpty()) {
            command = readLine(in);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("not a header line: " + line);
            }
            boolean escaped = !command.equals("CONNECTED");
            String name = escaped ? unescape(line.substring(0, colon)) : line.substring(0, colon);
            String value = escaped ? unescape(line.substring(colon + 1)) : line.substring(colon + 1);
            headers.putIfAbsent(name, value);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
            if (in.read() != 0) {
                throw new IOException("the body is not followed by NUL");
            }
        } else {
            for (int b = readByte(in); b != 0; b = readByte(in)) {
                body.write(b);
            }
        }
        return new StompFrame(command, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** Parses one frame from its exact bytes (the text of a frame, NUL included). */
    static StompFrame parse(byte[] frame) throws IOException {
        return read(new java.io.ByteArrayInputStream(frame));
    }

    /* A line ends with LF or CR LF (STOMP 1.2); the EOL is not part of it. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = readByte(in); b != '\n'; b = readByte(in)) {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the connection ended inside a frame");
        }
        return b;
    }

    private static String unescape(String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IOException("a header ends in a lone backslash");
            }
            switch (text.charAt(i)) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 'c' -> out.append(':');
                case '\\' -> out.append('\\');
                default -> throw new IOException("undefined escape \\" + text.charAt(i));
            }
        }
        return out.toString();
    }
}
