package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link DriftFindingRepositoryPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class DriftFindingRepositoryContract extends RepositoryContract {
    private DriftFindingRepositoryPort findings;
    private Connection connection;

    protected DriftFindingRepositoryContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshConnection() {
        findings = ports.driftFindings();
        connection = Fixtures.connection(WorkspaceId.random());
        ports.connections().save(connection);
    }

    @Test
    public void a_finding_seen_again_stays_one_open_finding_with_its_first_sighting() {
        PageId page = Fixtures.pageId();
        DriftFinding first = DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.EDITED_IN_CONFLUENCE,
                "version 4 > 3", Fixtures.NOW);
        DriftFinding stored = findings.recordSeen(first);
        assertThat(stored.id()).isPresent();
        assertThat(stored).isEqualTo(first.stored(stored.id().orElseThrow()));

        DriftFinding again = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page),
                DriftKind.EDITED_IN_CONFLUENCE, "version 6 > 3", Fixtures.NOW.plusSeconds(600)));

        assertThat(again).isEqualTo(new DriftFinding(connection.id(), Optional.of(page), DriftKind.EDITED_IN_CONFLUENCE,
                "version 6 > 3", Fixtures.NOW, Fixtures.NOW.plusSeconds(600), Optional.empty()).stored(stored.id().orElseThrow()));
        assertThat(findings.listOpen(connection.id())).containsExactly(again);
    }

    @Test
    public void findings_differ_by_page_and_kind_and_connection_findings_have_no_page() {
        PageId page = Fixtures.pageId();
        findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.RENAMED, "title", Fixtures.NOW));
        findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.MOVED, "parent", Fixtures.NOW));
        findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(Fixtures.pageId()), DriftKind.MOVED, "p", Fixtures.NOW));
        DriftFinding credentials = DriftFinding.seen(connection.id(), Optional.empty(), DriftKind.CREDENTIALS_REJECTED, "401",
                Fixtures.NOW);
        findings.recordSeen(credentials);
        findings.recordSeen(DriftFinding.seen(connection.id(), Optional.empty(), DriftKind.CREDENTIALS_REJECTED, "401 again",
                Fixtures.NOW.plusSeconds(5)));

        assertThat(findings.listOpen(connection.id())).hasSize(4)
                .filteredOn(f -> f.kind() == DriftKind.CREDENTIALS_REJECTED).singleElement()
                .satisfies(f -> {
                    assertThat(f.pageId()).isEmpty();
                    assertThat(f.detail()).isEqualTo("401 again");
                });
    }

    @Test
    public void a_resolved_finding_leaves_the_open_list_and_a_new_sighting_opens_a_new_one() {
        PageId page = Fixtures.pageId();
        DriftFinding first = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.DELETED, "404",
                Fixtures.NOW));

        assertThat(findings.resolve(connection.id(), Optional.of(page), DriftKind.DELETED, Fixtures.NOW.plusSeconds(60))).isTrue();
        assertThat(findings.resolve(connection.id(), Optional.of(page), DriftKind.DELETED, Fixtures.NOW.plusSeconds(61))).isFalse();
        assertThat(findings.listOpen(connection.id())).isEmpty();

        DriftFinding reopened = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.DELETED, "404",
                Fixtures.NOW.plusSeconds(120)));
        assertThat(reopened.firstSeen()).isEqualTo(Fixtures.NOW.plusSeconds(120));
        assertThat(findings.listOpen(connection.id())).containsExactly(reopened);
        assertThat(reopened.id()).isNotEqualTo(first.id());
        assertThat(findings.find(connection.id(), first.id().orElseThrow()))
                .hasValueSatisfying(kept -> assertThat(kept.resolvedAt()).contains(Fixtures.NOW.plusSeconds(60)));
    }

    @Test
    public void open_findings_of_a_page_leave_out_other_pages_other_connections_and_resolved_ones() {
        PageId page = Fixtures.pageId();
        Connection second = Fixtures.connection(connection.workspace());
        ports.connections().save(second);
        DriftFinding edited = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.EDITED_IN_CONFLUENCE,
                "version 4", Fixtures.NOW));
        DriftFinding missing = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.ATTACHMENT_MISSING,
                "diagram.png", Fixtures.NOW.plusSeconds(1)));
        findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.MOVED, "parent", Fixtures.NOW));
        findings.resolve(connection.id(), Optional.of(page), DriftKind.MOVED, Fixtures.NOW.plusSeconds(2));
        findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(Fixtures.pageId()), DriftKind.DELETED, "404", Fixtures.NOW));
        findings.recordSeen(DriftFinding.seen(connection.id(), Optional.empty(), DriftKind.CREDENTIALS_REJECTED, "401", Fixtures.NOW));
        findings.recordSeen(DriftFinding.seen(second.id(), Optional.of(page), DriftKind.DELETED, "404", Fixtures.NOW));

        assertThat(findings.listOpen(connection.id(), page)).containsExactly(edited, missing);
        assertThat(findings.listOpen(connection.id(), Fixtures.pageId())).isEmpty();
    }

    @Test
    public void open_findings_of_a_workspace_span_its_connections_only() {
        Connection second = Fixtures.connection(connection.workspace());
        Connection foreign = Fixtures.connection(WorkspaceId.random());
        ports.connections().save(second);
        ports.connections().save(foreign);
        DriftFinding a = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.empty(), DriftKind.TOKEN_EXPIRING, "7 days",
                Fixtures.NOW));
        DriftFinding b = findings.recordSeen(DriftFinding.seen(second.id(), Optional.empty(), DriftKind.SPACE_MISSING, "OPS",
                Fixtures.NOW));
        findings.recordSeen(DriftFinding.seen(foreign.id(), Optional.empty(), DriftKind.SPACE_MISSING, "OPS", Fixtures.NOW));

        assertThat(findings.listOpen(connection.workspace())).containsExactlyInAnyOrder(a, b);
    }

    @Test
    public void a_finding_is_found_by_its_id_within_its_connection_only() {
        DriftFinding stored = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(Fixtures.pageId()), DriftKind.MOVED,
                "moved", Fixtures.NOW));
        Connection other = Fixtures.connection(connection.workspace());
        ports.connections().save(other);

        assertThat(findings.find(connection.id(), stored.id().orElseThrow())).contains(stored);
        assertThat(findings.find(other.id(), stored.id().orElseThrow())).isEmpty();
        assertThat(findings.acknowledge(other.id(), stored.id().orElseThrow(), Fixtures.NOW)).isEmpty();
    }

    @Test
    public void an_acknowledgement_mutes_a_finding_while_its_detail_stays_and_lapses_when_it_changes() {
        PageId page = Fixtures.pageId();
        DriftFinding stored = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.EDITED_IN_CONFLUENCE,
                "version 2", Fixtures.NOW));
        DriftFindingId id = stored.id().orElseThrow();

        DriftFinding acknowledged = findings.acknowledge(connection.id(), id, Fixtures.NOW.plusSeconds(5)).orElseThrow();
        assertThat(acknowledged.acknowledgedAt()).contains(Fixtures.NOW.plusSeconds(5));
        assertThat(acknowledged.needsAttention()).isFalse();

        DriftFinding same = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.EDITED_IN_CONFLUENCE,
                "version 2", Fixtures.NOW.plusSeconds(60)));
        assertThat(same.acknowledgedAt()).contains(Fixtures.NOW.plusSeconds(5));

        DriftFinding changed = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.EDITED_IN_CONFLUENCE,
                "version 3", Fixtures.NOW.plusSeconds(120)));
        assertThat(changed.id()).contains(id);
        assertThat(changed.acknowledgedAt()).isEmpty();
        assertThat(changed.needsAttention()).isTrue();
    }

    @Test
    public void a_resolved_finding_cannot_be_acknowledged_and_stays_findable_as_history() {
        PageId page = Fixtures.pageId();
        DriftFindingId id = findings.recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.DELETED, "404",
                Fixtures.NOW)).id().orElseThrow();
        findings.resolve(connection.id(), Optional.of(page), DriftKind.DELETED, Fixtures.NOW.plusSeconds(1));

        DriftFinding after = findings.acknowledge(connection.id(), id, Fixtures.NOW.plusSeconds(2)).orElseThrow();
        assertThat(after.resolvedAt()).contains(Fixtures.NOW.plusSeconds(1));
        assertThat(after.acknowledgedAt()).isEmpty();
    }
}
