package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterConnectionServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final RegisterConnectionService service = f.registration();

    private RegisterConnectionCommand command(String site, String token) {
        return new RegisterConnectionCommand(f.workspace, "Crestview", site, UseCaseFixture.EMAIL, Secret.of(token, "apiToken"),
                Optional.empty(), Optional.empty());
    }

    @Test
    void verified_credentials_are_stored_with_the_account_they_act_as() {
        Connection connection = service.register(command("https://crestview.atlassian.net/wiki/", UseCaseFixture.TOKEN));

        assertThat(connection.site().origin()).isEqualTo("https://crestview.atlassian.net");
        assertThat(connection.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(connection.accountId()).contains(UseCaseFixture.ACCOUNT);
        assertThat(f.connections.find(f.workspace, connection.id())).contains(connection);
        assertThat(f.confluence.callLog()).containsExactly("users.current");
        assertThat(f.auditLog.all()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("connection.register");
            assertThat(e.toString()).doesNotContain(UseCaseFixture.TOKEN);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254", "https://evil.example.com", "https://crestview.atlassian.net.evil.com",
            "http://crestview.atlassian.net", "https://user@crestview.atlassian.net", "https://crestview.atlassian.net:8443",
            "file:///etc/passwd", "http://127.0.0.1:9999"})
    void a_site_outside_atlassian_net_and_the_allow_list_is_refused_before_any_call(String site) {
        assertThatThrownBy(() -> service.register(command(site, UseCaseFixture.TOKEN)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SITE_NOT_ALLOWED));
        assertThat(f.confluence.calls()).isZero();
        assertThat(f.connections.listAll()).isEmpty();
    }

    @Test
    void an_origin_on_the_allow_list_is_accepted() {
        Connection connection = service.register(command("http://127.0.0.1:8089", UseCaseFixture.TOKEN));

        assertThat(connection.site().origin()).isEqualTo("http://127.0.0.1:8089");
    }

    @Test
    void a_name_taken_in_the_workspace_is_a_conflict_before_confluence_is_asked() {
        Connection first = service.register(command("https://crestview.atlassian.net", UseCaseFixture.TOKEN));
        int calls = f.confluence.calls();

        assertThatThrownBy(() -> service.register(command("https://other.atlassian.net", UseCaseFixture.TOKEN)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("a connection named '" + first.name() + "' already exists");
        assertThat(f.confluence.calls()).isEqualTo(calls);
        assertThat(f.connections.listAll()).containsExactly(first);
    }

    @Test
    void rejected_credentials_are_not_stored() {
        assertThatThrownBy(() -> service.register(command("https://crestview.atlassian.net", "ATATT-revoked")))
                .isInstanceOf(CredentialsRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ATATT-revoked"));
        assertThat(f.connections.listAll()).isEmpty();
        assertThat(f.connections.writes.get()).isZero();
    }

    @Test
    void a_malformed_email_or_cloud_id_is_refused_before_any_call() {
        RegisterConnectionCommand badEmail = new RegisterConnectionCommand(f.workspace, "Crestview", "https://crestview.atlassian.net",
                "not-an-email", Secret.of(UseCaseFixture.TOKEN, "apiToken"), Optional.empty(), Optional.empty());
        RegisterConnectionCommand badCloudId = new RegisterConnectionCommand(f.workspace, "Crestview", "https://crestview.atlassian.net",
                UseCaseFixture.EMAIL, Secret.of(UseCaseFixture.TOKEN, "apiToken"), Optional.of("1234"), Optional.empty());

        assertThatThrownBy(() -> service.register(badEmail)).isInstanceOf(InvalidInputException.class).hasMessageContaining("email");
        assertThatThrownBy(() -> service.register(badCloudId)).isInstanceOf(InvalidInputException.class).hasMessageContaining("cloudId");
        assertThat(f.confluence.calls()).isZero();
    }

    @Test
    void a_token_expiry_date_in_the_past_is_refused() {
        RegisterConnectionCommand expired = new RegisterConnectionCommand(f.workspace, "Crestview", "https://crestview.atlassian.net",
                UseCaseFixture.EMAIL, Secret.of(UseCaseFixture.TOKEN, "apiToken"), Optional.empty(), Optional.of(LocalDate.of(2026, 1, 1)));

        assertThatThrownBy(() -> service.register(expired)).isInstanceOf(InvalidInputException.class).hasMessageContaining("tokenExpiresOn");
        assertThat(f.confluence.calls()).isZero();
    }
}
