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
import java.util.List;
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
        return open(List.of(siteUrl), maxAttachmentBytes);
    }

    static Connector open(String siteUrl) {
        return open(List.of(siteUrl), 100L << 20);
    }

    /** One connector allowed to reach each of these sites. */
    static Connector open(List<String> siteUrls) {
        return open(siteUrls, 100L << 20);
    }

    private static Connector open(List<String> siteUrls, long maxAttachmentBytes) {
        try {
            Path dir = Files.createTempDirectory("askel-bench-");
            AskelConfluence.Builder builder = AskelConfluence.builder().dataDirectory(dir).maxAttachmentBytes(maxAttachmentBytes);
            siteUrls.forEach(builder::allowSiteOrigin);
            return new Connector(dir, builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
