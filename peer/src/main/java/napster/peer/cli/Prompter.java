package napster.peer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/** Asks questions on a terminal; shows the default in brackets and asks again until the answer is usable. */
final class Prompter {
    private final BufferedReader in;
    private final PrintWriter out;

    Prompter(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Asks until {@code parse} accepts the answer (an empty answer means the default, if any).
     * {@code parse} returns the value, or empty after printing nothing: the prompter then says
     * {@code invalid} and asks again.
     */
    <T> T ask(String question, String defaultAnswer, String invalid, Function<String, Optional<T>> parse)
            throws EndOfInput {
        while (true) {
            out.print(defaultAnswer == null ? question + " " : question + " [" + defaultAnswer + "] ");
            out.flush();
            String line = readLine();
            String answer = line.isBlank() && defaultAnswer != null ? defaultAnswer : line.strip();
            Optional<T> value = answer.isEmpty() ? Optional.empty() : parse.apply(answer);
            if (value.isPresent()) {
                return value.get();
            }
            out.println(invalid);
        }
    }

    String readLine() throws EndOfInput {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new EndOfInput();
            }
            return line;
        } catch (IOException e) {
            throw new EndOfInput();
        }
    }

    static Optional<Integer> integerIn(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            return value >= min && value <= max ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> yesNo(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "y", "yes" -> Optional.of(true);
            case "n", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Standard input closed: the menu ends quietly. */
    static final class EndOfInput extends Exception {
        EndOfInput() {
            super("end of input");
        }
    }
}
