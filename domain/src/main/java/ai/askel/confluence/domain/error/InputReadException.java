package ai.askel.confluence.domain.error;

import java.util.List;
import java.util.Objects;

/**
 * A template read an input in a way the value does not allow: through the accessor of another type, or as required
 * when it is absent. The host checks the caller's inputs against the template's declaration before it renders, so
 * during a render this is the template's bug (the host reports it as {@link ErrorCode#TEMPLATE_ERROR}); outside one
 * it is the input's problem, naming the field as any {@link InvalidInputException} does.
 */
public class InputReadException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** How the input was read. */
    public enum ReadAs {
        TEXT("text"), NUMBER("a number"), BOOLEAN("true or false"), LIST("a list"), TABLE("a table"), REQUIRED("required");

        private final String words;

        ReadAs(String words) {
            this.words = words;
        }

        /** As a message says it: "a number", "text", "required". */
        public String words() {
            return words;
        }
    }

    private final String input;
    private final ReadAs readAs;

    /**
     * @param input   the input's name (without the {@code inputs.} prefix of the field)
     * @param field   the field the problem names, such as {@code inputs.owners.email}
     * @param message what is wrong with the value, such as "must be a number"
     */
    public InputReadException(String input, ReadAs readAs, String field, String message) {
        super(ErrorCode.INVALID_INPUT, List.of(new Problem(field, message)));
        this.input = Objects.requireNonNull(input, "input");
        this.readAs = Objects.requireNonNull(readAs, "readAs");
    }

    /** The input's name. */
    public String input() {
        return input;
    }

    public ReadAs readAs() {
        return readAs;
    }
}
