package napster.common.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of file a search can ask for ({@code --type}, the {@code kind} of a search), each
 * the set of extensions it stands for. One list for the CLI, the indexer and PROTOCOL.md.
 */
public enum FileKind {
    AUDIO("aac", "aif", "aiff", "alac", "ape", "flac", "m4a", "mid", "midi", "mka", "mp3", "oga", "ogg", "opus",
            "wav", "wma", "wv"),
    VIDEO("3gp", "avi", "flv", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "ogv", "ts", "vob", "webm", "wmv"),
    IMAGE("bmp", "gif", "heic", "ico", "jpeg", "jpg", "png", "psd", "raw", "svg", "tif", "tiff", "webp"),
    DOCUMENT("csv", "djvu", "doc", "docx", "epub", "htm", "html", "md", "mobi", "odp", "ods", "odt", "pdf", "ppt",
            "pptx", "ps", "rtf", "tex", "txt", "xls", "xlsx"),
    ARCHIVE("7z", "bz2", "cab", "gz", "iso", "lz", "lzma", "rar", "tar", "tgz", "xz", "zip", "zst"),
    PROGRAM("apk", "app", "appimage", "bat", "bin", "com", "deb", "dmg", "exe", "jar", "msi", "pkg", "rpm", "sh");

    private final Set<String> extensions;

    FileKind(String... extensions) {
        this.extensions = Set.of(extensions);
    }

    /** Lower-case, without the dot. */
    public Set<String> extensions() {
        return extensions;
    }

    /** The name on the wire and on the command line: {@code audio}, {@code video}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this wire name, in any case. */
    public static FileKind of(String name) {
        for (FileKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be one of " + names() + ", not \"" + name + "\"");
    }

    /** The wire names, comma-separated, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(FileKind::wireName).collect(Collectors.joining(", "));
    }
}
