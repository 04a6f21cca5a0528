package ai.askel.confluence.app.e2e;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A demo-data Confluence sandbox and an embedded connector (fresh H2 in a temp directory) pointed at it. */
final class SandboxConnector implements AutoCloseable {
    static final String DIAGRAM = "crestview-prod-architecture.png";

    final ConfluenceSandbox sandbox;
    final AskelConfluence askel;
    private final Path dataDir;

    private SandboxConnector(ConfluenceSandbox sandbox, AskelConfluence askel, Path dataDir) {
        this.sandbox = sandbox;
        this.askel = askel;
        this.dataDir = dataDir;
    }

    static SandboxConnector start(Map<Setting, String> settings) {
        ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        try {
            Path dataDir = Files.createTempDirectory("askel-e2e-");
            AskelConfluence.Builder builder = AskelConfluence.builder().dataDirectory(dataDir).allowSiteOrigin(sandbox.baseUrl());
            settings.forEach(builder::set);
            return new SandboxConnector(sandbox, builder.build(), dataDir);
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    static SandboxConnector start() {
        return start(Map.of());
    }

    /** Registers a connection as Ada (writes everywhere). */
    ConnectionRef connectAsAda(String name) {
        Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, name, sandbox.baseUrl(),
                "ada@example.com", Secret.of("ada-token", "apiToken"), Optional.empty(), Optional.empty()));
        return askel.defaultWorkspace().connection(c.id());
    }

    /** The inputs of the built-in customer-environment-runbook, for {@code environment}. */
    static TemplateInputs runbookInputs(String environment, String maintenanceWindow) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", environment);
        inputs.put("customer", "Crestview Health");
        inputs.put("status", "LIVE");
        inputs.put("regions", List.of("eu-west-1"));
        inputs.put("endpoints", List.of(Map.of("name", "Public API", "url", "https://api.crestview.example", "notes", "Behind the WAF")));
        inputs.put("credentialsLocation", "vault: secret/customers/crestview/prod");
        inputs.put("maintenanceWindow", maintenanceWindow);
        inputs.put("maintenanceProcedure", List.of("Drain traffic", "Apply the upgrade", "Restore traffic"));
        inputs.put("escalationContacts", List.of(
                Map.of("name", "Ada Lovelace", "role", "On-call lead", "contact", "ada@example.com", "hours", "24/7")));
        inputs.put("architectureDiagram", DIAGRAM);
        return new TemplateInputs(inputs);
    }

    static AttachmentUpload diagram(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new AttachmentUpload(DIAGRAM, "image/png", bytes.length, () -> new ByteArrayInputStream(bytes),
                Optional.of("Architecture"), true);
    }

    @Override
    public void close() {
        try {
            askel.close();
        } finally {
            sandbox.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
