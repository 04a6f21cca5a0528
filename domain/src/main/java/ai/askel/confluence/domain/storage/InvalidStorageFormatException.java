package ai.askel.confluence.domain.storage;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.List;

/** A storage-format body Confluence would reject, with where and why. */
public class InvalidStorageFormatException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public InvalidStorageFormatException(int line, int column, String reason) {
        super(ErrorCode.INVALID_STORAGE_FORMAT,
                List.of(new Problem("body.value", "not valid storage format at line %d, column %d: %s".formatted(line, column, reason))));
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
