package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ManagedPageRepositoryPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class ManagedPageRepositoryContract extends RepositoryContract {
    private ManagedPageRepositoryPort pages;
    private Connection connection;

    protected ManagedPageRepositoryContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshConnection() {
        pages = ports.managedPages();
        connection = Fixtures.connection(WorkspaceId.random());
        ports.connections().save(connection);
    }

    @Test
    public void a_saved_page_is_found_by_id_and_by_title() {
        ManagedPage page = Fixtures.managedPage(connection.id(), Fixtures.pageId(), "Payments API");
        ManagedPage parent = new ManagedPage(connection.id(), Fixtures.pageId(), Fixtures.SPACE, Title.of("Runbooks"),
                Optional.empty(), ManagedPage.Role.PARENT, Optional.of(RunbookId.random()), Version.FIRST, ContentHash.of(""),
                Set.of(), Fixtures.NOW);
        pages.save(page);
        pages.save(parent);

        assertThat(pages.find(connection.id(), page.pageId())).contains(page);
        assertThat(pages.find(connection.id(), parent.pageId())).contains(parent);
        assertThat(pages.findByTitle(connection.id(), Fixtures.SPACE, Title.of("Runbooks"))).contains(parent);
        assertThat(pages.findByTitle(connection.id(), Fixtures.SPACE, Title.of("Nothing"))).isEmpty();
    }

    @Test
    public void saving_the_same_page_again_replaces_its_record() {
        PageId id = Fixtures.pageId();
        pages.save(Fixtures.managedPage(connection.id(), id, "Payments API"));
        ManagedPage newer = new ManagedPage(connection.id(), id, Fixtures.SPACE, Title.of("Payments API v2"),
                Optional.of(PageId.of("777")), ManagedPage.Role.RUNBOOK, Optional.of(RunbookId.random()), Version.of(5),
                ContentHash.of("v5"), Set.of(), Fixtures.NOW.plusSeconds(60));

        pages.save(newer);

        assertThat(pages.listByConnection(connection.id())).containsExactly(newer);
    }

    @Test
    public void duplicate_records_of_one_page_are_impossible_even_under_concurrent_saves() throws Exception {
        PageId id = Fixtures.pageId();
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String title = "Payments API " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    pages.save(Fixtures.managedPage(connection.id(), id, title));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(pages.listByConnection(connection.id())).hasSize(1);
    }

    @Test
    public void the_same_page_id_under_another_connection_is_another_record() {
        Connection other = Fixtures.connection(connection.workspace());
        ports.connections().save(other);
        PageId id = Fixtures.pageId();
        pages.save(Fixtures.managedPage(connection.id(), id, "Mine"));
        pages.save(Fixtures.managedPage(other.id(), id, "Theirs"));

        assertThat(pages.find(connection.id(), id).orElseThrow().title()).isEqualTo(Title.of("Mine"));
        assertThat(pages.find(other.id(), id).orElseThrow().title()).isEqualTo(Title.of("Theirs"));
    }

    @Test
    public void delete_answers_whether_the_page_was_managed() {
        PageId id = Fixtures.pageId();
        pages.save(Fixtures.managedPage(connection.id(), id, "Payments API"));

        assertThat(pages.delete(connection.id(), id)).isTrue();
        assertThat(pages.delete(connection.id(), id)).isFalse();
        assertThat(pages.find(connection.id(), id)).isEmpty();
    }
}
