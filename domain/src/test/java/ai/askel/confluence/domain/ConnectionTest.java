package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-28T10:00:00Z");
    private static final String TOKEN = "ATATT-secret-token";

    private static Connection connection(String name) {
        return new Connection(ConnectionId.random(), WorkspaceIds.DEFAULT, name, SiteUrl.parse("https://acme.atlassian.net", List.of()),
                Optional.empty(), EmailAddress.of("ada@example.com"), Secret.of(TOKEN, "apiToken"), Optional.empty(),
                ConnectionStatus.ACTIVE, Optional.empty(), CREATED, CREATED);
    }

    @Test
    void verified_makes_it_active_with_the_account_it_acts_as() {
        Connection verified = connection("Acme").rejected(LATER).verified("557058:abc", LATER);

        assertThat(verified.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(verified.accountId()).contains("557058:abc");
        assertThat(verified.updatedAt()).isEqualTo(LATER);
        assertThat(verified.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void rejected_marks_the_credentials_rejected_and_keeps_the_rest() {
        Connection original = connection("Acme");
        Connection rejected = original.rejected(LATER);

        assertThat(rejected.status()).isEqualTo(ConnectionStatus.CREDENTIALS_REJECTED);
        assertThat(rejected.id()).isEqualTo(original.id());
        assertThat(rejected.apiToken()).isEqualTo(original.apiToken());
        assertThat(rejected.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void with_credentials_replaces_email_token_and_expiry_only() {
        Connection rotated = connection("Acme").withCredentials(EmailAddress.of("bot@example.com"), Secret.of("new-token", "apiToken"),
                Optional.of(LocalDate.of(2027, 1, 1)), LATER);

        assertThat(rotated.email()).isEqualTo(EmailAddress.of("bot@example.com"));
        assertThat(rotated.apiToken().reveal()).isEqualTo("new-token");
        assertThat(rotated.tokenExpiresOn()).contains(LocalDate.of(2027, 1, 1));
        assertThat(rotated.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(rotated.updatedAt()).isEqualTo(LATER);
        assertThat(rotated.name()).isEqualTo("Acme");
    }

    @Test
    void register_makes_an_active_unverified_connection() {
        Connection registered = Connection.register(ConnectionId.random(), WorkspaceIds.DEFAULT, "Acme",
                SiteUrl.parse("https://acme.atlassian.net", List.of()), Optional.empty(), EmailAddress.of("ada@example.com"),
                Secret.of(TOKEN, "apiToken"), Optional.of(LocalDate.of(2027, 1, 1)), LATER);

        assertThat(registered.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(registered.accountId()).isEmpty();
        assertThat(registered.tokenExpiresOn()).contains(LocalDate.of(2027, 1, 1));
        assertThat(registered.createdAt()).isEqualTo(LATER);
        assertThat(registered.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void a_token_that_expired_before_today_in_utc_is_refused_at_registration_and_at_rotation() {
        Optional<LocalDate> yesterday = Optional.of(LocalDate.of(2026, 11, 27));
        Optional<LocalDate> today = Optional.of(LocalDate.of(2026, 11, 28));

        assertThatThrownBy(() -> Connection.register(ConnectionId.random(), WorkspaceIds.DEFAULT, "Acme",
                SiteUrl.parse("https://acme.atlassian.net", List.of()), Optional.empty(), EmailAddress.of("ada@example.com"),
                Secret.of(TOKEN, "apiToken"), yesterday, LATER)).isInstanceOf(InvalidInputException.class)
                .hasMessage("tokenExpiresOn: 2026-11-27 is in the past; the token has expired");
        assertThatThrownBy(() -> connection("Acme").withCredentials(EmailAddress.of("ada@example.com"), Secret.of("new-token", "apiToken"),
                yesterday, LATER)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("tokenExpiresOn:");
        assertThat(connection("Acme").withCredentials(EmailAddress.of("ada@example.com"), Secret.of("new-token", "apiToken"), today,
                LATER).tokenExpiresOn()).isEqualTo(today);
    }

    @Test
    void the_name_is_trimmed_and_checked() {
        assertThat(connection("  Acme prod ").name()).isEqualTo("Acme prod");
        assertThat(connection("x".repeat(100)).name()).hasSize(100);
        assertThatThrownBy(() -> connection("x".repeat(101))).isInstanceOf(InvalidInputException.class)
                .hasMessage("name: is 101 characters long; at most 100 are allowed");
        assertThatThrownBy(() -> connection(" ")).isInstanceOf(InvalidInputException.class).hasMessage("name: is required");
        assertThatThrownBy(() -> connection("a\u0007b")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("name: must not contain control characters");
    }

    @Test
    void printing_a_connection_never_shows_its_token() {
        assertThat(connection("Acme").toString()).doesNotContain(TOKEN).contains("apiToken=****");
    }
}
