package ai.askel.confluence.benchmarks;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The connector as an embedding product uses it: the facade over a fresh data directory (embedded H2), one site. */
final class Connector implements AutoCloseable {
    private final Path dataDir;
    private final AskelConfluence askel;

    private Connector(Path dataDir, AskelConfluence askel) {
        this.dataDir = dataDir;
        this.askel = askel;
    }

    static Connector open(String siteUrl, long maxAttachmentBytes) {
        try {
            Path dir = Files.createTempDirectory("askel-bench-");
            return new Connector(dir, AskelConfluence.builder().dataDirectory(dir).allowSiteOrigin(siteUrl)
                    .maxAttachmentBytes(maxAttachmentBytes).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Connector open(String siteUrl) {
        return open(siteUrl, 100L << 20);
    }

    AskelConfluence askel() {
        return askel;
    }

    /** Registers (and so verifies) a connection for this user; one call to Confluence. */
    ConnectionRef connect(String name, String siteUrl, String email, String token) {
        Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, name, siteUrl,
                email, Secret.of(token, "apiToken"), Optional.empty(), Optional.empty()));
        return askel.defaultWorkspace().connection(c.id());
    }

    @Override
    public void close() {
        try {
            askel.close();
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
