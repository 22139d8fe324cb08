package napster.indexer.service;

import napster.common.protocol.ErrorReply;

/**
 * Builds error replies from sentences that may come from elsewhere (a JSON parser, an
 * exception): control characters and excess length would make {@link ErrorReply} itself
 * refuse them, so they are cleaned first.
 */
public final class ErrorReplies {
    private static final int MAX_MESSAGE = 1_000;

    private ErrorReplies() {
    }

    public static ErrorReply badRequest(String sentence) {
        return of(ErrorReply.BAD_REQUEST, sentence);
    }

    public static ErrorReply of(String code, String sentence) {
        String text = sentence == null ? "" : sentence.replaceAll("\\p{Cntrl}+", " ").strip();
        if (text.isEmpty()) {
            text = "The request failed.";
        }
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE - 1) + "…";
        }
        return new ErrorReply(code, text);
    }
}
