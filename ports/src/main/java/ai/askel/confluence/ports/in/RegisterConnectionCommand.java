package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A connection to register in {@code workspace}, part by part:
     * {@code RegisterConnectionCommand.in(workspace).name("acme").siteUrl("https://acme.atlassian.net")
     * .email("ops@acme.example").apiToken(Secret.token(token)).build()}.
     */
    public static Builder in(WorkspaceId workspace) {
        return new Builder(workspace);
    }

    /** Builds a {@link RegisterConnectionCommand}; name, site URL, email and token are required. */
    public static final class Builder {
        private final WorkspaceId workspace;
        private String name;
        private String siteUrl;
        private String email;
        private Secret apiToken;
        private Optional<String> cloudId = Optional.empty();
        private Optional<LocalDate> tokenExpiresOn = Optional.empty();

        private Builder(WorkspaceId workspace) {
            this.workspace = Objects.requireNonNull(workspace, "workspace");
        }

        public Builder name(String connectionName) {
            this.name = connectionName;
            return this;
        }

        public Builder siteUrl(String url) {
            this.siteUrl = url;
            return this;
        }

        public Builder email(String address) {
            this.email = address;
            return this;
        }

        public Builder apiToken(Secret token) {
            this.apiToken = token;
            return this;
        }

        /** The site's cloud id, when known (otherwise it is looked up). */
        public Builder cloudId(String id) {
            this.cloudId = Optional.of(id);
            return this;
        }

        /** When the token expires, so that drift warns before it does. */
        public Builder tokenExpiresOn(LocalDate date) {
            this.tokenExpiresOn = Optional.of(date);
            return this;
        }

        /**
         * The command.
         *
         * @throws InvalidInputException naming every required part not given, as the HTTP API names its fields
         */
        public RegisterConnectionCommand build() {
            List<InvalidInputException.Problem> problems = new ArrayList<>();
            if (name == null) {
                problems.add(new InvalidInputException.Problem("name", "is required"));
            }
            if (siteUrl == null) {
                problems.add(new InvalidInputException.Problem("siteUrl", "is required"));
            }
            if (email == null) {
                problems.add(new InvalidInputException.Problem("email", "is required"));
            }
            if (apiToken == null) {
                problems.add(new InvalidInputException.Problem("apiToken", "is required"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new RegisterConnectionCommand(workspace, name, siteUrl, email, apiToken, cloudId, tokenExpiresOn);
        }
    }
}
