package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.domain.error.RateLimitedException;
import ai.askel.confluence.domain.error.VersionConflictException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place an HTTP failure becomes a domain error; each keeps Confluence's reason and trace id. */
final class ConfluenceErrors {
    /** v1 "Current version is: 5", v2 "Current Version: [3]". */
    private static final Pattern CURRENT_VERSION = Pattern.compile("(?i)current version(?: is)?\\s*:?\\s*\\[?(\\d{1,9})\\]?");
    private static final Pattern DUPLICATE_TITLE = Pattern.compile("(?i)already exists with (?:the|this) title|page with this title already exists");

    private ConfluenceErrors() {
    }

    /** {@code subject} names what was asked for, such as "page 123"; it appears in the message. */
    static ConnectorException toDomain(HttpFailure f, String subject, Duration maxWait) {
        String trace = f.traceId();
        String said = " (Confluence said: " + f.reason() + ")";
        int status = f.status();
        if (DUPLICATE_TITLE.matcher(f.reason()).find() && (status == 400 || status == 409)) {
            return new ConflictException("a page with this title already exists in the space: " + subject + said, trace);
        }
        return switch (status) {
            case 0 -> new ConfluenceUnavailableException("Confluence could not be reached for " + subject + ": " + f.reason(), trace, f.getCause());
            case 400 -> new InvalidInputException(List.of(new InvalidInputException.Problem("confluence",
                    "Confluence refused the request for " + subject + ": " + f.reason())), trace);
            case 401 -> new CredentialsRejectedException("Confluence rejected the email and API token" + said, trace);
            case 403 -> new PermissionDeniedException("the Confluence user may not do this to " + subject + said, trace);
            case 404 -> new NotFoundException(subject + " was not found, or the Confluence user may not see it" + said, trace);
            case 409 -> new VersionConflictException(subject + " was changed concurrently; nothing was overwritten" + said,
                    currentVersion(f.reason()), trace);
            case 410 -> new ConnectorException(ErrorCode.ENDPOINT_REMOVED,
                    "Confluence has removed the endpoint " + f.route() + said, trace, null);
            case 413 -> new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, "the request for " + subject + " is too large" + said, trace, null);
            case 429 -> new RateLimitedException("Confluence kept rate-limiting requests for " + subject + said,
                    f.retryAfter().map(d -> d.compareTo(maxWait) > 0 ? maxWait : d).orElse(null), trace);
            default -> status >= 500
                    ? new ConfluenceUnavailableException("Confluence failed (" + status + ") for " + subject + said, trace, null)
                    : new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "unexpected answer " + status + " for " + subject + said, trace, null);
        };
    }

    static OptionalInt currentVersion(String reason) {
        Matcher m = CURRENT_VERSION.matcher(reason);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
