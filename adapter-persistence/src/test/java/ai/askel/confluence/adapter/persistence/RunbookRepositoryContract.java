package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link RunbookRepositoryPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class RunbookRepositoryContract extends RepositoryContract {
    private RunbookRepositoryPort runbooks;
    private Connection connection;

    protected RunbookRepositoryContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshConnection() {
        runbooks = ports.runbooks();
        connection = Fixtures.connection(WorkspaceId.random());
        ports.connections().save(connection);
    }

    private static void assertSameState(Runbook actual, Runbook expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    public void insert_or_get_stores_a_new_runbook_at_revision_one() {
        Runbook runbook = Fixtures.runbook(connection, "Payments API");

        Runbook stored = runbooks.insertOrGet(runbook);

        assertThat(stored.revision()).isEqualTo(1);
        assertSameState(runbooks.find(connection.workspace(), runbook.id()).orElseThrow(), runbook.atRevision(1));
        assertThat(runbooks.find(connection.workspace(), runbook.id()).orElseThrow().source())
                .isEqualTo(new RunbookSource.Template(new TemplateRef("service-runbook", "1.2.0"), Fixtures.inputs()));
    }

    @Test
    public void a_runbook_publishing_a_supplied_body_is_stored_with_its_representation_and_hash_and_no_template() {
        RunbookSource supplied = new RunbookSource.SuppliedBody(BodyRepresentation.WIKI, ContentHash.of("h1. Payments"));
        Runbook stored = runbooks.insertOrGet(Runbook.create(connection.workspace(), connection.id(), Fixtures.SPACE, Title.of("Runbooks"),
                Title.of("Payments API"), supplied, Set.of(Label.of("runbook"))));

        Runbook published = runbooks.update(stored.published(Fixtures.published(Fixtures.pageId())));
        Runbook back = runbooks.update(published.withRequest(published.parentTitle(),
                new RunbookSource.Template(new TemplateRef("service-runbook", "1.3.0"), Fixtures.inputs()), published.labels()));

        assertThat(runbooks.find(connection.workspace(), stored.id()).orElseThrow().source())
                .isEqualTo(new RunbookSource.Template(new TemplateRef("service-runbook", "1.3.0"), Fixtures.inputs()));
        assertThat(runbooks.update(back.withRequest(back.parentTitle(), supplied, back.labels())).source()).isEqualTo(supplied);
        assertThat(runbooks.find(connection.workspace(), stored.id()).orElseThrow().source()).isEqualTo(supplied);
    }

    private AuditEvent report(PageId page) {
        return new AuditEvent(Fixtures.NOW, connection.workspace(), Optional.of("ask_1a2b3c4d"), "runbook.publish",
                Optional.of(connection.id()), Optional.of(page), "created", Optional.empty());
    }

    @Test
    public void a_published_save_stores_the_runbook_its_page_and_its_audit_event_together() {
        Runbook stored = runbooks.insertOrGet(Fixtures.runbook(connection, "Payments API"));
        PageId page = Fixtures.pageId();
        Runbook published = stored.published(Fixtures.published(page));
        ManagedPage managed = Fixtures.managedPage(connection.id(), page, "Payments API");

        Runbook saved = runbooks.updatePublished(published, managed, List.of(report(page)));

        assertThat(saved.revision()).isEqualTo(2);
        assertSameState(runbooks.find(connection.workspace(), stored.id()).orElseThrow(), published.atRevision(2));
        assertThat(ports.managedPages().find(connection.id(), page)).contains(managed);
        assertThat(ports.auditLog().recent(connection.workspace(), 10)).containsExactly(report(page));
    }

    @Test
    public void a_published_save_based_on_a_stale_revision_saves_neither_the_runbook_nor_its_page_nor_its_audit_event() {
        Runbook stored = runbooks.insertOrGet(Fixtures.runbook(connection, "Payments API"));
        Runbook moved = runbooks.update(stored.withRequest(Title.of("Other parent"), stored.source(), stored.labels()));
        PageId page = Fixtures.pageId();

        assertThatThrownBy(() -> runbooks.updatePublished(stored.published(Fixtures.published(page)),
                Fixtures.managedPage(connection.id(), page, "Payments API"), List.of(report(page))))
                .isInstanceOf(ConflictException.class);

        assertSameState(runbooks.find(connection.workspace(), stored.id()).orElseThrow(), moved);
        assertThat(ports.managedPages().find(connection.id(), page)).isEmpty();
        assertThat(ports.auditLog().recent(connection.workspace(), 10)).isEmpty();
    }

    @Test
    public void a_published_save_whose_page_cannot_be_stored_leaves_the_runbook_as_it_was() {
        Runbook stored = runbooks.insertOrGet(Fixtures.runbook(connection, "Payments API"));
        PageId page = Fixtures.pageId();
        // the page names a connection that does not exist: its row fails after the runbook's was updated
        ManagedPage orphan = Fixtures.managedPage(ConnectionId.random(), page, "Payments API");

        assertThatThrownBy(() -> runbooks.updatePublished(stored.published(Fixtures.published(page)), orphan, List.of(report(page))))
                .isInstanceOf(NotFoundException.class);

        assertSameState(runbooks.find(connection.workspace(), stored.id()).orElseThrow(), stored);
        assertThat(ports.auditLog().recent(connection.workspace(), 10)).isEmpty();
        assertThat(runbooks.update(stored).revision()).as("still at the revision it was read at").isEqualTo(2);
    }

    @Test
    public void insert_or_get_answers_the_existing_runbook_for_the_same_target_and_inserts_nothing() {
        Runbook first = runbooks.insertOrGet(Fixtures.runbook(connection, "Payments API"));
        Runbook rival = Runbook.create(connection.workspace(), connection.id(), Fixtures.SPACE, Title.of("Elsewhere"),
                Title.of("Payments API"), new RunbookSource.Template(new TemplateRef("other-template", "9"), TemplateInputs.empty()), Set.of());

        Runbook answered = runbooks.insertOrGet(rival);

        assertSameState(answered, first);
        assertThat(runbooks.listByConnection(connection.id())).hasSize(1);
        assertThat(runbooks.find(connection.workspace(), rival.id())).isEmpty();
    }

    @Test
    public void update_stores_the_published_state_at_the_next_revision() {
        Runbook stored = runbooks.insertOrGet(Fixtures.runbook(connection, "Payments API"));
        PageId page = Fixtures.pageId();
        Runbook published = stored.withRequest(Title.of("Ops runbooks"), new RunbookSource.Template(new TemplateRef("service-runbook", "1.3.0"),
                new TemplateInputs(Map.of("service", "payments-api", "nested", List.of(Map.of("k", true))))),
                Set.of(Label.of("tier-1"))).published(Fixtures.published(page));

        Runbook saved = runbooks.update(published);

        assertThat(saved.revision()).isEqualTo(2);
        Runbook found = runbooks.find(connection.workspace(), stored.id()).orElseThrow();
        assertSameState(found, published.atRevision(2));
        assertThat(found.published().orElseThrow().attachments()).isEqualTo(Fixtures.published(page).attachments());
        assertThat(found.status()).isEqualTo(RunbookStatus.PUBLISHED);
        assertSameState(runbooks.findByTarget(connection.id(), Fixtures.SPACE, Title.of("Payments API")).orElseThrow(), found);
    }

    @Test
    public void an_update_based_on_a_stale_revision_fails_and_changes_nothing() {
        Runbook loaded = runbooks.insertOrGet(Fixtures.runbook(connection, "Payments API"));
        Runbook first = runbooks.update(loaded.withRequest(Title.of("Other parent"), loaded.source(), loaded.labels()));

        assertThatThrownBy(() -> runbooks.update(loaded.published(Fixtures.published(Fixtures.pageId()))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(loaded.id().value())
                .hasMessageContaining("revision 2")
                .hasMessageContaining("revision 1");

        assertSameState(runbooks.find(connection.workspace(), loaded.id()).orElseThrow(), first);
    }

    @Test
    public void of_two_concurrent_updates_from_one_revision_exactly_one_wins() throws Exception {
        Runbook loaded = runbooks.insertOrGet(Fixtures.runbook(connection, "Payments API"));
        List<Runbook> candidates = List.of(loaded.published(Fixtures.published(Fixtures.pageId())), loaded.withRequest(Title.of("Other parent"), loaded.source(), loaded.labels()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        List<Future<Runbook>> results = new ArrayList<>();
        try {
            for (Runbook candidate : candidates) {
                results.add(pool.submit(() -> {
                    start.await();
                    return runbooks.update(candidate);
                }));
            }
            start.countDown();
            List<Runbook> winners = new ArrayList<>();
            List<Throwable> losers = new ArrayList<>();
            for (Future<Runbook> result : results) {
                try {
                    winners.add(result.get());
                } catch (ExecutionException e) {
                    losers.add(e.getCause());
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(losers).singleElement().isInstanceOf(ConflictException.class);
            assertSameState(runbooks.find(connection.workspace(), loaded.id()).orElseThrow(), winners.get(0));
            assertThat(winners.get(0).revision()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }


    @Test
    public void updating_a_runbook_that_was_never_stored_is_not_found() {
        Runbook never = Fixtures.runbook(connection, "Never stored").atRevision(1);

        assertThatThrownBy(() -> runbooks.update(never)).isInstanceOf(NotFoundException.class).hasMessageContaining(never.id().value());
    }

    @Test
    public void a_runbook_of_an_unknown_connection_is_refused() {
        Runbook orphan = Fixtures.runbook(Fixtures.connection(connection.workspace(), ConnectionId.random()), "Orphan");

        assertThatThrownBy(() -> runbooks.insertOrGet(orphan)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(orphan.connection().value());
    }

    @Test
    public void find_is_scoped_to_the_workspace_and_list_to_the_connection() {
        Runbook a = runbooks.insertOrGet(Fixtures.runbook(connection, "A"));
        Runbook b = runbooks.insertOrGet(Fixtures.runbook(connection, "B"));
        Connection other = Fixtures.connection(connection.workspace());
        ports.connections().save(other);
        runbooks.insertOrGet(Fixtures.runbook(other, "A"));

        assertThat(runbooks.find(WorkspaceId.random(), a.id())).isEmpty();
        assertThat(runbooks.listByConnection(connection.id())).extracting(Runbook::id).containsExactly(a.id(), b.id());
        assertThat(runbooks.findByTarget(connection.id(), Fixtures.SPACE, Title.of("C"))).isEmpty();
    }

}
