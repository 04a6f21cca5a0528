package ai.askel.confluence.app.drift;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.sandbox.ConfluenceSandbox;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sandbox Confluence (Ada is the connector's user, Bob a colleague who edits by hand) and a real
 * connector on an embedded H2 database in {@code dataDir}, wired as in production.
 */
public final class DriftSandbox implements AutoCloseable {
    static final String ADA = "ada@example.com";
    public static final String BOB = "bob@example.com";
    public static final String BOB_ACCOUNT = "557058:bob";
    static final SpaceKey INFRA = SpaceKey.of("INFRA");
    static final String DIAGRAM = "architecture.png";
    static final byte[] DIAGRAM_BYTES = "not really a png, but bytes the connector wrote".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Another diagram of exactly the connector's size: a replacement a size comparison cannot see. */
    static byte[] sameSizeOtherDiagram() {
        byte[] other = DIAGRAM_BYTES.clone();
        other[0] ^= 0x20;
        return other;
    }

    public final ConfluenceSandbox sandbox;
    final Path dataDir;
    public AskelConfluence askel;
    Connection connection;
    ConnectionRef ref;

    /** An in-memory database instead of the file one, for tests that write thousands of rows; empty: the file in dataDir. */
    private final Optional<String> jdbcUrl;

    public DriftSandbox(Path dataDir) {
        this(dataDir, Optional.empty());
    }

    DriftSandbox(Path dataDir, Optional<String> jdbcUrl) {
        this.dataDir = dataDir;
        this.jdbcUrl = jdbcUrl;
        this.sandbox = ConfluenceSandbox.builder().port(0)
                .user(ADA, "ada-token", "557058:ada", "Ada")
                .user(BOB, "bob-token", BOB_ACCOUNT, "Bob")
                .space("INFRA", "Infrastructure")
                .start();
        open();
        connection = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, "crestview",
                sandbox.baseUrl(), ADA, Secret.of("ada-token", "apiToken"), Optional.empty(), Optional.empty()));
        ref = askel.defaultWorkspace().connection(connection.id());
    }

    /** (Re)opens the connector on the data directory. */
    void open() {
        AskelConfluence.Builder builder = AskelConfluence.builder().dataDirectory(dataDir).allowSiteOrigin(sandbox.baseUrl())
                .set(Setting.HTTP_PORT, "0");
        jdbcUrl.ifPresent(url -> builder.database(url, "sa", ""));
        askel = builder.build();
    }

    public PublishResult publish(String title, DriftPolicy onDrift, boolean withDiagram) {
        List<AttachmentUpload> attachments = withDiagram
                ? List.of(new AttachmentUpload(DIAGRAM, "image/png", DIAGRAM_BYTES.length, () -> new ByteArrayInputStream(DIAGRAM_BYTES),
                Optional.empty(), true))
                : List.of();
        return askel.publishRunbook().publish(new PublishRunbookCommand(ref, INFRA, Optional.empty(), Title.of(title),
                "customer-environment-runbook", new TemplateInputs(Map.of("environment", title, "customer", "Crestview Health",
                "status", "LIVE", "notes", "Restart the workers before the API.")), Optional.empty(), attachments, onDrift, false));
    }

    /** A runbook with endpoints (so a health-check code block), a credentials location in inline code, and the diagram attached. */
    PublishResult publishFull(String title, DriftPolicy onDrift) {
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put("environment", title);
        inputs.put("customer", "Crestview Health");
        inputs.put("status", "LIVE");
        inputs.put("endpoints", List.of(Map.of("name", "Public API", "url", "https://api.crestview.example", "notes", "Behind the WAF"),
                Map.of("name", "Admin console", "url", "https://admin.crestview.example", "notes", "VPN only")));
        inputs.put("credentialsLocation", "vault: secret/customers/crestview/prod");
        return askel.publishRunbook().publish(new PublishRunbookCommand(ref, INFRA, Optional.empty(), Title.of(title),
                "customer-environment-runbook", new TemplateInputs(inputs), Optional.empty(), List.of(diagram()), onDrift, false));
    }

    static AttachmentUpload diagram() {
        return new AttachmentUpload(DIAGRAM, "image/png", DIAGRAM_BYTES.length, () -> new ByteArrayInputStream(DIAGRAM_BYTES),
                Optional.empty(), true);
    }

    public List<DriftFinding> scan() {
        return askel.checkDrift().scan(ref);
    }

    List<DriftKind> scanKinds() {
        return scan().stream().map(DriftFinding::kind).toList();
    }

    LocalDate today() {
        return LocalDate.now(java.time.ZoneOffset.UTC);
    }

    @Override
    public void close() {
        if (askel != null) {
            askel.close();
        }
        sandbox.close();
    }
}
