package ai.askel.confluence.ports.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class RegisterConnectionCommandTest {
    @Test
    void a_builder_missing_required_parts_is_invalid_input_naming_each_field() {
        assertThatThrownBy(() -> RegisterConnectionCommand.in(WorkspaceId.random()).name("acme").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("siteUrl", "email", "apiToken"));
    }

    @Test
    void a_builder_given_every_required_part_builds_the_command() {
        RegisterConnectionCommand command = RegisterConnectionCommand.in(WorkspaceId.random()).name("acme")
                .siteUrl("https://acme.atlassian.net").email("ops@acme.example").apiToken(Secret.token("t0ken")).build();

        assertThat(command.name()).isEqualTo("acme");
        assertThat(command.cloudId()).isEmpty();
    }
}
