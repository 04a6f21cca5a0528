package ai.askel.confluence.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent publishes and updates: one page per runbook, and no edit lost without a 409. */
class ConcurrencyTest {
    private static ConfluenceSandbox sandbox;
    private static Harness harness;

    @BeforeAll
    static void start(@TempDir Path dir) {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        harness = Harness.embedded(sandbox, dir, Harness.fastSettings()).startHttp();
    }

    @AfterAll
    static void stop() {
        harness.close();
        sandbox.close();
    }

    @Test
    void twenty_concurrent_publishes_of_one_runbook_make_one_page() throws Exception {
        sandbox.resetCounters();
        List<PublishResult> results = all(20, i -> harness.askel.publishRunbook().publish(harness.runbook("Concurrent runbook")));

        Set<PageId> pages = results.stream().map(r -> r.pageId().orElseThrow()).collect(Collectors.toSet());
        assertThat(pages).hasSize(1);
        assertThat(sandbox.findPageId("INFRA", "Concurrent runbook")).contains(pages.iterator().next().value());
        assertThat(harness.count(Harness.PAGES, 200)).as("the parent and the runbook page, each created once").isEqualTo(2);
        assertThat(harness.count(Harness.ATTACH, 200)).as("one upload of the diagram").isEqualTo(1);
        assertThat(harness.rows("runbook")).isEqualTo(1);
        assertThat(harness.rows("managed_page")).isEqualTo(2);
    }

    @Test
    void twenty_concurrent_first_publishes_under_a_new_parent_find_or_create_it_once(@TempDir Path dir) throws Exception {
        Title parent = Title.of("A parent made by concurrent publishes");
        try (Harness own = Harness.embedded(sandbox, dir, Harness.fastSettings())) { // its runbooks stay out of the shared database
            sandbox.resetCounters();

            List<PublishResult> results = all(20, i -> {
                PublishRunbookCommand runbook = own.runbook("Runbook under a new parent " + i);
                return own.askel.publishRunbook().publish(new PublishRunbookCommand(runbook.ref(), runbook.space(), Optional.of(parent),
                        runbook.title(), runbook.source(), runbook.labels(), runbook.attachments(), runbook.onDrift(), false));
            });

            assertThat(results).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(PublishOutcome.CREATED));
            assertThat(own.count(Harness.PAGES, 200)).as("the parent once and each runbook's page").isEqualTo(21);
            assertThat(own.count(Harness.PAGES, 400)).as("no create of the parent refused because another publish had just made it")
                    .isZero();
            assertThat(sandbox.findPageId("INFRA", parent.value())).isPresent();
        }
    }

    @Test
    void ten_concurrent_updates_with_base_version_are_each_applied_or_refused_and_none_is_lost() throws Exception {
        String pageId = sandbox.createPage("INFRA", "Contended page", "<p>v1</p>", "ada@example.com");
        String path = harness.connectionPath() + "/pages/" + pageId;
        Pattern version = Pattern.compile("\"version\":(\\d+)");

        List<Integer> statuses = all(10, i -> {
            HttpResponse<String> read = harness.send("GET", path, null);
            Matcher m = version.matcher(read.body());
            assertThat(m.find()).as(read.body()).isTrue();
            return harness.send("PUT", path, "{\"body\":{\"value\":\"<p>edit " + i + "</p>\"},\"baseVersion\":" + m.group(1) + "}")
                    .statusCode();
        });

        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 409));
        long applied = statuses.stream().filter(s -> s == 200).count();
        assertThat(applied).isPositive();
        assertThat(sandbox.findPage(pageId).orElseThrow().version()).as("1 + every applied edit: none silently lost")
                .isEqualTo(1 + applied);
    }

    @Test
    void two_connector_instances_on_one_postgresql_publish_the_same_runbooks_without_duplicates(@TempDir Path a, @TempDir Path b)
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE askel_two");
            }
            String url = postgres.getJdbcUrl("postgres", "askel_two");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String masterKey = Base64.getEncoder().encodeToString(key);
            sandbox.resetCounters();
            try (Harness first = Harness.postgres(sandbox, a, url, "postgres", "", masterKey, true);
                 Harness second = Harness.postgres(sandbox, b, url, "postgres", "", masterKey, false)) {
                List<String> titles = List.of("Shared one", "Shared two", "Shared three");
                List<PublishResult> results = all(12, i -> (i % 2 == 0 ? first : second).askel.publishRunbook()
                        .publish((i % 2 == 0 ? first : second).runbook(titles.get(i % 3))));

                for (String title : titles) {
                    Set<PageId> pages = results.stream().filter(r -> sandbox.findPageId("INFRA", title).orElseThrow()
                            .equals(r.pageId().orElseThrow().value())).map(r -> r.pageId().orElseThrow()).collect(Collectors.toSet());
                    assertThat(pages).as(title).hasSize(1);
                }
                assertThat(results).extracting(r -> r.pageId().orElseThrow()).doesNotContainNull();
                assertThat(results.stream().map(r -> r.pageId().orElseThrow()).distinct().count()).isEqualTo(3);
                for (String title : titles) {
                    assertThat(sandbox.findPage(sandbox.findPageId("INFRA", title).orElseThrow()).orElseThrow().attachments())
                            .containsExactly(Harness.DIAGRAM);
                }
                assertThat(first.rows("runbook")).isEqualTo(3);
            }
        }
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    /** Runs n tasks at once (released together) and answers their results, rethrowing the first failure. */
    static <T> List<T> all(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            AtomicInteger ids = new AtomicInteger();
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> call = () -> {
                    int id = ids.getAndIncrement();
                    go.await();
                    return task.run(id);
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
