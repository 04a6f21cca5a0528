package ai.askel.confluence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files named on the command line (a body, Markdown, template inputs), read whole as UTF-8 text. A file that is
 * missing, a directory, unreadable, not UTF-8 or too large is the caller's mistake: one line naming the option and
 * the file, exit code 2, never a stack trace.
 */
final class CliFiles {
    /** Larger than any body Confluence accepts (5 MB) or any sensible set of inputs; checked before reading. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliFiles() {
    }

    static String readText(Path file, String option) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new CliErrors.CliUsageException(option + " " + file + ": " + (Files.isDirectory(file) ? "is a directory" : "no such file"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new CliErrors.CliUsageException(option + " " + file + ": is %d bytes; at most %d are read".formatted(size, MAX_BYTES));
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": is not UTF-8 text");
        } catch (AccessDeniedException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A JSON object, keys in the file's order. */
    static Map<String, Object> readJsonObject(Path file, String option) {
        String text = readText(file, option);
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new CliErrors.CliUsageException(option + " " + file + ": is not a JSON object: " + e.getOriginalMessage());
        }
    }
}
