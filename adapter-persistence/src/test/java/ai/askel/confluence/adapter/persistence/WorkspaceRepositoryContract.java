package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.out.WorkspaceRepositoryPort;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link WorkspaceRepositoryPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class WorkspaceRepositoryContract extends RepositoryContract {
    private WorkspaceRepositoryPort workspaces;

    protected WorkspaceRepositoryContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void repository() {
        workspaces = ports.workspaces();
    }

    @Test
    public void the_default_workspace_always_exists() {
        assertThat(workspaces.find(WorkspaceIds.DEFAULT)).hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("default"));
    }

    @Test
    public void a_stored_workspace_is_found_and_listed_and_an_unknown_id_is_empty() {
        Workspace acme = workspace("Acme", 0);

        workspaces.insert(acme);

        assertThat(workspaces.find(acme.id())).contains(acme);
        assertThat(workspaces.list(10_000)).contains(acme);
        assertThat(workspaces.find(WorkspaceId.random())).isEmpty();
    }

    @Test
    public void the_list_is_oldest_first_and_at_most_the_limit() {
        Workspace newer = workspace("Newer", 20);
        Workspace older = workspace("Older", 10);
        workspaces.insert(newer);
        workspaces.insert(older);

        assertThat(workspaces.list(10_000)).filteredOn(w -> w.equals(newer) || w.equals(older)).containsExactly(older, newer);
        assertThat(workspaces.list(1)).hasSize(1);
        assertThatThrownBy(() -> workspaces.list(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void a_second_workspace_with_a_taken_id_or_name_is_a_conflict_and_the_first_stays() {
        Workspace first = workspace("Globex", 0);
        workspaces.insert(first);

        assertThatThrownBy(() -> workspaces.insert(new Workspace(first.id(), "Another " + UUID.randomUUID(), Fixtures.NOW)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(first.id().value());
        assertThatThrownBy(() -> workspaces.insert(new Workspace(WorkspaceId.random(), first.name(), Fixtures.NOW)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("a workspace named '" + first.name() + "' already exists");
        assertThat(workspaces.find(first.id())).contains(first);
    }

    /** A workspace named {@code name} and a unique suffix, created {@code secondsAfter} the fixtures' instant. */
    private static Workspace workspace(String name, long secondsAfter) {
        return new Workspace(WorkspaceId.random(), name + " " + UUID.randomUUID(), Fixtures.NOW.plusSeconds(secondsAfter));
    }
}
