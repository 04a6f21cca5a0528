package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection {@code serve --sandbox} makes to its sandbox. The sandbox starts empty on every start, so what an
 * earlier start published to it is gone: the connection that start made (its id is kept in the data directory) is
 * removed with the runbooks and managed pages recorded for it, and a new one is registered. No other connection is
 * touched; a data directory from before the id was kept names it by the name and address only this command gives.
 */
final class SandboxConnection {
    static final String FILE = "sandbox-connection";
    static final String NAME = "sandbox";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxConnection.class);

    private SandboxConnection() {
    }

    static Connection renew(AskelConfluence askel, String sandboxUrl, Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(FILE);
        previous(askel, file, sandboxUrl).ifPresent(old -> {
            askel.removeConnection().remove(new ConnectionRef(WorkspaceIds.DEFAULT, old.id()));
            LOG.info("The sandbox starts empty: removed the connection {} an earlier start made to it, with what was published through it",
                    old.id());
        });
        Connection connection;
        try {
            connection = register(askel, sandboxUrl, NAME);
        } catch (ConflictException nameTaken) {
            connection = register(askel, sandboxUrl, NAME + " " + sandboxUrl); // a connection of the user's is named "sandbox"
        }
        try {
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temporary, connection.id().value() + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not keep the sandbox connection's id in {} ({}); the next start leaves this connection in place", file,
                    e.getMessage());
        }
        return connection;
    }

    private static Optional<Connection> previous(AskelConfluence askel, Path file, String sandboxUrl) {
        var connections = askel.listConnections().list(WorkspaceIds.DEFAULT);
        if (Files.isRegularFile(file)) {
            try {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                return connections.stream().filter(c -> c.id().equals(ConnectionId.of(id))).findFirst();
            } catch (IOException | RuntimeException e) {
                LOG.warn("The sandbox connection's id in {} cannot be read ({}); leaving the connections as they are", file, e.getMessage());
                return Optional.empty();
            }
        }
        return connections.stream().filter(c -> c.name().equals(NAME) && c.site().origin().equals(sandboxUrl)).findFirst();
    }

    private static Connection register(AskelConfluence askel, String sandboxUrl, String name) {
        return askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, name, sandboxUrl, "ada@example.com",
                Secret.of("ada-token", "apiToken"), Optional.empty(), Optional.empty()));
    }
}
