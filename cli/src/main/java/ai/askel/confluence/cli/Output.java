package ai.askel.confluence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** Prints a command's result: readable lines for people, or one JSON document with {@code --json}. */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean isJson() {
        return json;
    }

    /** The result: {@code value} (maps, lists, strings, numbers) as JSON, or {@code text} for people. */
    void result(Object value, String text) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a CLI result could not be written as JSON", e);
            }
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** A progress or narrative line; suppressed with --json so scripts get one document. */
    void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }
}
