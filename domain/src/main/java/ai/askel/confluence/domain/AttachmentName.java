package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;

/** Rules for an attachment's file name, which is also its title and identity on the page. */
public final class AttachmentName {
    public static final int MAX_LENGTH = 255;

    private AttachmentName() {
    }

    public static String require(String fileName) {
        Require.present(fileName, "fileName");
        Require.noControlCharacters(fileName, "fileName");
        if (fileName.contains("/") || fileName.contains("\\")) {
            throw InvalidInputException.of("fileName", "'%s' must be a file name, not a path".formatted(Require.shortDisplay(fileName)));
        }
        if (fileName.equals(".") || fileName.equals("..") || !fileName.equals(fileName.strip())) {
            throw InvalidInputException.of("fileName", "'%s' is not a usable file name".formatted(Require.shortDisplay(fileName)));
        }
        if (fileName.length() > MAX_LENGTH) {
            throw InvalidInputException.of("fileName", "is longer than %d characters".formatted(MAX_LENGTH));
        }
        return fileName;
    }
}
