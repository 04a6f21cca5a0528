package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A new connection as a user typed it. The site URL, email and cloud id are checked by the service
 * (the site against the SSRF allow-list) and the credentials are verified with Confluence before
 * anything is stored.
 */
public record RegisterConnectionCommand(WorkspaceId workspace, String name, String siteUrl, String email, Secret apiToken,
                                        Optional<String> cloudId, Optional<LocalDate> tokenExpiresOn) {
    public RegisterConnectionCommand {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(cloudId, "cloudId");
        Objects.requireNonNull(tokenExpiresOn, "tokenExpiresOn");
    }
}
