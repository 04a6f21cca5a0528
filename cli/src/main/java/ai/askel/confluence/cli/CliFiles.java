package ai.askel.confluence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files named on the command line (a body, Markdown, template inputs), read whole as UTF-8 text; a pipe works too
 * ({@code --inputs-file <(jq ...)}, {@code /dev/stdin}). A file that is missing, a directory, unreadable, not UTF-8
 * or too large is the caller's mistake: one line naming the option and the file, exit code 2, never a stack trace.
 */
final class CliFiles {
    /** Larger than any body Confluence accepts (5 MB) or any sensible set of inputs; no more is read. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliFiles() {
    }

    static String readText(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new CliErrors.CliUsageException(option + " " + file + ": is a directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": permission denied");
        } catch (IOException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new CliErrors.CliUsageException(option + " " + file + ": is larger than " + MAX_BYTES + " bytes, which is as much as is read");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": is not UTF-8 text");
        }
    }

    /** A JSON object, keys in the file's order. */
    static Map<String, Object> readJsonObject(Path file, String option) {
        String text = readText(file, option);
        Map<String, Object> object;
        try {
            object = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": is not a JSON object: " + e.getOriginalMessage());
        }
        if (object == null) {
            throw new CliErrors.CliUsageException(option + " " + file + ": is not a JSON object: it holds null");
        }
        return object;
    }
}
