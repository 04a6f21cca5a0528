package ai.askel.confluence.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PublishAction;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.sandbox.RequestLog;
import ai.askel.confluence.sandbox.SandboxPage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed flow through the publish use case against the Confluence sandbox, with the call budgets
 * measured by the sandbox's own request counters.
 */
class SeedFlowEndToEndTest {
    private static final SpaceKey INFRA = SpaceKey.of("INFRA");
    private static SandboxConnector connector;
    private static ConnectionRef ref;

    @BeforeAll
    static void start() {
        connector = SandboxConnector.start();
        ref = connector.connectAsAda("crestview");
    }

    @AfterAll
    static void stop() {
        connector.close();
    }

    private static PublishRunbookCommand publish(String title, Optional<String> parent, String window, boolean dryRun) {
        return new PublishRunbookCommand(ref, INFRA, parent.map(Title::of), Title.of(title), "customer-environment-runbook",
                SandboxConnector.runbookInputs(title, window), Optional.empty(), List.of(SandboxConnector.diagram("png of " + title)),
                DriftPolicy.FAIL, dryRun);
    }

    private static RequestLog log() {
        return connector.sandbox.requestLog();
    }

    private static List<RequestLog.Entry> writes() {
        return log().recent().stream().filter(e -> !e.method().equals("GET")).toList();
    }

    /** Resolves INFRA once (the adapter caches it per connection) so the budgets below count from a warm cache. */
    private static void warmSpaceCache(String title, Optional<String> parent) {
        connector.askel.publishRunbook().publish(publish(title, parent, "Sundays", true));
        connector.sandbox.resetCounters();
    }

    @Test
    void the_seed_flow_finds_the_space_creates_the_parent_and_publishes_the_runbook_with_diagram_and_labels() {
        List<Space> spaces = connector.askel.listSpaces().listSpaces(ref, 25, Optional.empty()).items();
        assertThat(spaces).extracting(s -> s.key().value()).contains("INFRA", "ENG");
        assertThat(connector.sandbox.findPageId("INFRA", "Customer Environments")).isEmpty();

        PublishResult result = connector.askel.publishRunbook().publish(publish("Crestview Production", Optional.empty(),
                "Sundays 02:00-04:00 UTC", false));

        assertThat(result.outcome()).isEqualTo(PublishOutcome.CREATED);
        String parentId = connector.sandbox.findPageId("INFRA", "Customer Environments").orElseThrow();
        SandboxPage page = connector.sandbox.findPage(result.pageId().orElseThrow().toString()).orElseThrow();
        assertThat(page.title()).isEqualTo("Crestview Production");
        assertThat(page.spaceKey()).isEqualTo("INFRA");
        assertThat(page.parentId()).contains(parentId);
        assertThat(page.storage()).contains("Sundays 02:00-04:00 UTC", "Ada Lovelace", "ri:filename=\"" + SandboxConnector.DIAGRAM + "\"");
        assertThat(page.attachments()).containsExactly(SandboxConnector.DIAGRAM);
        assertThat(page.labels()).containsExactlyInAnyOrder("auto-generated", "customer-runbook");
        assertThat(result.webUrl()).hasValueSatisfying(url -> assertThat(url).startsWith(connector.sandbox.baseUrl() + "/wiki/"));
        assertThat(connector.askel.readPage().read(ref, result.pageId().orElseThrow()).labels())
                .containsExactlyInAnyOrder(Label.of("auto-generated"), Label.of("customer-runbook"));
    }

    @Test
    void first_publish_with_the_parent_present_takes_at_most_5_calls_unchanged_at_most_2_and_no_write_changed_at_most_3() {
        connector.sandbox.createPage("INFRA", "Budget Environments", "<p>Runbooks of customer environments</p>", "ada@example.com");
        Optional<String> parent = Optional.of("Budget Environments");
        warmSpaceCache("Budget Production", parent);

        PublishResult first = connector.askel.publishRunbook().publish(publish("Budget Production", parent, "Sundays", false));
        assertThat(first.outcome()).isEqualTo(PublishOutcome.CREATED);
        assertThat(log().total()).as("calls of the first publish: %s", log().counts()).isLessThanOrEqualTo(5);
        assertThat(log().count("POST /wiki/api/v2/pages")).isEqualTo(1);
        String pageId = first.pageId().orElseThrow().toString();
        assertThat(connector.sandbox.findPage(pageId).orElseThrow().attachments()).containsExactly(SandboxConnector.DIAGRAM);
        assertThat(connector.sandbox.findPage(pageId).orElseThrow().labels()).hasSize(2);

        connector.sandbox.resetCounters();
        PublishResult unchanged = connector.askel.publishRunbook().publish(publish("Budget Production", parent, "Sundays", false));
        assertThat(unchanged.outcome()).isEqualTo(PublishOutcome.UNCHANGED);
        assertThat(log().total()).as("calls of an unchanged republish: %s", log().counts()).isLessThanOrEqualTo(2);
        assertThat(writes()).as("writes of an unchanged republish").isEmpty();

        connector.sandbox.resetCounters();
        PublishResult changed = connector.askel.publishRunbook().publish(publish("Budget Production", parent, "Saturdays", false));
        assertThat(changed.outcome()).isEqualTo(PublishOutcome.UPDATED);
        assertThat(log().total()).as("calls of a changed body: %s", log().counts()).isLessThanOrEqualTo(3);
        assertThat(log().count("PUT /wiki/api/v2/pages/{id}")).isEqualTo(1);
        SandboxPage updated = connector.sandbox.findPage(pageId).orElseThrow();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.storage()).contains("Saturdays");
        assertThat(changed.pageId()).isEqualTo(first.pageId());
    }

    @Test
    void a_dry_run_returns_the_plan_and_writes_nothing() {
        connector.sandbox.resetCounters();

        PublishResult plan = connector.askel.publishRunbook().publish(publish("Dry Run Environment", Optional.of("Dry Run Parent"),
                "Sundays", true));

        assertThat(plan.outcome()).isEqualTo(PublishOutcome.PLANNED);
        assertThat(plan.plan().action()).isEqualTo(PublishAction.CREATE);
        assertThat(plan.plan().createParent()).isTrue();
        assertThat(plan.plan().renderedBody()).contains("Dry Run Environment");
        assertThat(plan.plan().labelsToAdd()).containsExactlyInAnyOrder(Label.of("auto-generated"), Label.of("customer-runbook"));
        assertThat(plan.plan().attachmentsToUpload()).containsExactly(SandboxConnector.DIAGRAM);
        assertThat(writes()).isEmpty();
        assertThat(connector.sandbox.findPageId("INFRA", "Dry Run Environment")).isEmpty();
        assertThat(connector.sandbox.findPageId("INFRA", "Dry Run Parent")).isEmpty();
    }

    @Test
    void publishing_the_same_runbook_twice_gives_one_page_one_attachment_and_the_labels_once() {
        PublishResult first = connector.askel.publishRunbook().publish(publish("Twice Production", Optional.empty(), "Sundays", false));
        PublishResult second = connector.askel.publishRunbook().publish(publish("Twice Production", Optional.empty(), "Sundays", false));

        assertThat(second.pageId()).isEqualTo(first.pageId());
        assertThat(second.outcome()).isEqualTo(PublishOutcome.UNCHANGED);
        try (Stream<PageSummary> found = connector.askel.searchPages().searchAll(ref,
                CqlQuery.builder().type("page").space(INFRA).titleEquals("Twice Production").build())) {
            assertThat(found).hasSize(1);
        }
        try (Stream<PageSummary> parents = connector.askel.searchPages().searchAll(ref,
                CqlQuery.builder().type("page").space(INFRA).titleEquals("Customer Environments").build())) {
            assertThat(parents).hasSize(1);
        }
        SandboxPage page = connector.sandbox.findPage(first.pageId().orElseThrow().toString()).orElseThrow();
        assertThat(page.version()).isEqualTo(1);
        assertThat(page.attachments()).containsExactly(SandboxConnector.DIAGRAM);
        assertThat(page.labels()).containsExactlyInAnyOrder("auto-generated", "customer-runbook");
    }
}
