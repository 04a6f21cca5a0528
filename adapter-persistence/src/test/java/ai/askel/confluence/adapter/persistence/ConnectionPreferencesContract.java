package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.ConnectionPreferencesPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConnectionPreferencesPort}, run against every database. */
abstract class ConnectionPreferencesContract extends PersistenceContract {
    private ConnectionPreferencesPort preferences;
    private Connection connection;

    @BeforeEach
    void aConnection() {
        preferences = persistence.connectionPreferences();
        connection = Fixtures.connection(WorkspaceId.random());
        persistence.connections().save(connection);
    }

    @Test
    void a_connection_without_a_choice_has_no_default_space() {
        assertThat(preferences.defaultSpace(connection.id())).isEmpty();
        assertThat(preferences.defaultSpace(ConnectionId.random())).isEmpty();
    }

    @Test
    void the_last_space_chosen_is_the_default() {
        preferences.saveDefaultSpace(connection.id(), SpaceKey.of("OPS"));
        preferences.saveDefaultSpace(connection.id(), SpaceKey.of("INFRA"));

        assertThat(preferences.defaultSpace(connection.id())).contains(SpaceKey.of("INFRA"));
    }

    @Test
    void the_choice_goes_with_the_connection() {
        preferences.saveDefaultSpace(connection.id(), SpaceKey.of("INFRA"));

        persistence.connections().delete(connection.workspace(), connection.id());

        assertThat(preferences.defaultSpace(connection.id())).isEmpty();
    }
}
