package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.CloudId;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.ManagedPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Domain objects shaped like the real ones, with fresh ids so tests never collide. */
final class Fixtures {
    /** A worker that polls, beats and retries fast, so a queue test takes a second, not a minute. */
    static final SchedulerSettings SCHEDULER = new SchedulerSettings(4, java.time.Duration.ofMillis(100),
            java.time.Duration.ofMillis(500), 4, java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(100), "test-worker");
    /** Microsecond precision: what both databases keep. */
    static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456Z");
    static final SpaceKey SPACE = SpaceKey.of("OPS");
    private static final AtomicLong PAGE_IDS = new AtomicLong(98_000);

    private Fixtures() {
    }

    /** A token shaped like an Atlassian API token, unique per call so a test can search for it. */
    static Secret token() {
        return Secret.of("ATATT3xFfGF0" + UUID.randomUUID().toString().replace("-", "") + "=A1B2C3D4", "apiToken");
    }

    static Connection connection(WorkspaceId workspace) {
        return connection(workspace, ConnectionId.random());
    }

    static Connection connection(WorkspaceId workspace, ConnectionId id) {
        return new Connection(id, workspace, "Acme wiki " + id.value(), new SiteUrl("https://acme.atlassian.net"),
                Optional.of(new CloudId(UUID.randomUUID().toString())), EmailAddress.of("ops@acme.example"), token(),
                Optional.of("5b10ac8d82e05b22cc7d4ef5"), ConnectionStatus.ACTIVE, Optional.of(LocalDate.of(2027, 1, 31)), NOW, NOW);
    }

    /** A connection with no optional field set. */
    static Connection bareConnection(WorkspaceId workspace) {
        return new Connection(ConnectionId.random(), workspace, "Sandbox", new SiteUrl("http://127.0.0.1:8089"), Optional.empty(),
                EmailAddress.of("dev@acme.example"), token(), Optional.empty(), ConnectionStatus.CREDENTIALS_REJECTED,
                Optional.empty(), NOW, NOW.plusSeconds(5));
    }

    static PageId pageId() {
        return PageId.of(Long.toString(PAGE_IDS.incrementAndGet()));
    }

    static TemplateInputs inputs() {
        return new TemplateInputs(Map.of(
                "service", "payments-api",
                "replicas", 3,
                "cpuLimit", new BigDecimal("1.50"),
                "public", false,
                "owners", List.of("alice", "bob"),
                "alerts", Map.of("pager", "team-payments", "thresholds", List.of(95, new BigDecimal("99.9")))));
    }

    static Runbook runbook(Connection connection, String title) {
        return Runbook.create(connection.workspace(), connection.id(), SPACE, Title.of("Runbooks"), Title.of(title),
                new RunbookSource.Template(new TemplateRef("service-runbook", "1.2.0"), inputs()), Set.of(Label.of("runbook"), Label.of("prod")));
    }

    static PublishedState published(PageId page) {
        return new PublishedState(page, PageId.of("4242"), Version.of(3), ContentHash.of("body v3"), Title.of("Payments API"),
                Set.of(Label.of("runbook")), List.of(
                        new PublishedAttachment("topology.png", ContentHash.of("png"), new AttachmentId("att9001"), 20_480),
                        new PublishedAttachment("dashboard.json", ContentHash.of("json"), new AttachmentId("9002"), 512)),
                NOW.plusSeconds(60));
    }

    static ManagedPage managedPage(ConnectionId connection, PageId page, String title) {
        return new ManagedPage(connection, page, SPACE, Title.of(title), Optional.of(PageId.of("4242")), ManagedPage.Role.RUNBOOK,
                Optional.empty(), Version.of(2), ContentHash.of(title), Set.of(Label.of("runbook"), Label.of("managed")), NOW);
    }
}
