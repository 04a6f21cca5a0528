package ai.askel.confluence.domain.error;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A template failed while rendering: a bug in the template, not the caller's input. The message names the template and
 * a reference, never the template's own message or where it was loaded from (either may hold anything); the host logs
 * the cause, with its stack trace, under the same reference. {@link #authorDetail()} is for the template's author
 * (preview, check, the test kit), and {@link #getCause()} is the template's own exception.
 */
public class TemplateFailedException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String reference;
    private final String authorDetail;

    /**
     * @param template     the template, as {@code id@version}
     * @param what         what went wrong, such as "failed to render"
     * @param authorDetail what went wrong in full, for the template's author (never sent to callers)
     */
    public TemplateFailedException(String template, String what, String authorDetail, Throwable cause) {
        this(template, what, authorDetail, cause, newReference());
    }

    private TemplateFailedException(String template, String what, String authorDetail, Throwable cause, String reference) {
        super(ErrorCode.TEMPLATE_ERROR, "template %s %s (reference %s; the server log has the details)".formatted(template, what, reference),
                null, cause);
        this.reference = reference;
        this.authorDetail = Objects.requireNonNull(authorDetail, "authorDetail");
    }

    /** The reference the host logged the cause under. */
    public String reference() {
        return reference;
    }

    /** What went wrong in full (the template's exception and its message), for the template's author only. */
    public String authorDetail() {
        return authorDetail;
    }

    private static String newReference() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
