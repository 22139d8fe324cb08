package napster.indexer.index;

/**
 * A browse page already written as the JSON text of a {@code browseResult} message, with what
 * the console properties show of it: the peer, the number of files, and whether more follow.
 */
public record EncodedBrowseResult(int peerId, int files, boolean more, String json) {
}
