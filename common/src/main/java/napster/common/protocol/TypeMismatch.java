package napster.common.protocol;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says, for a person, which field of a message had a value of the wrong kind: {@code port must
 * be a whole number, not "80"}. The codecs refuse every coercion (a number in quotes, a fraction
 * for a whole number, a number or a boolean for a string), so a field reads as the document says
 * or not at all.
 */
final class TypeMismatch {
    private static final int MAX_SHOWN = 40;
    private static final Pattern COERCED = Pattern.compile("^Cannot coerce [\\w-]+ value \\((.*?)\\) to ");
    private static final Pattern CONSTRUCTED = Pattern.compile("from String value \\('(.*?)'\\)");
    private static final Pattern TOKEN = Pattern.compile("from (String|Integer|Floating-point|Boolean) value \\(token");

    private TypeMismatch() {
    }

    static String sentence(MismatchedInputException e) {
        String field = e.getPath().stream().map(TypeMismatch::step).collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        return (field.isEmpty() ? "the message" : field) + " must be " + expected(e.getTargetType())
                + shown(e);
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Instant.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /* What was there instead, as written: Jackson's message quotes it ("Cannot coerce String value ("80") to ..."). */
    private static String shown(MismatchedInputException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher coerced = COERCED.matcher(original);
        Matcher constructed = CONSTRUCTED.matcher(original);
        Matcher token = TOKEN.matcher(original);
        String text;
        if (coerced.find()) {
            text = coerced.group(1);
        } else if (constructed.find()) {
            text = "\"" + constructed.group(1) + "\"";
        } else if (token.find()) {
            text = switch (token.group(1)) {
                case "String" -> "a string";
                case "Boolean" -> "true or false";
                default -> "a number";
            };
        } else {
            return "";
        }
        return ", not " + (text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text);
    }
}
