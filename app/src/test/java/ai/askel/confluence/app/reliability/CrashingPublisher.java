package ai.askel.confluence.app.reliability;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The forked JVM of {@link CrashSafetyTest}: registers Ada's connection and publishes one runbook
 * against the sandbox of the test JVM, with its H2 database in a data directory. The test kills it
 * with SIGKILL part-way through.
 *
 * <p>Arguments: site origin, data directory, runbook title.
 */
public final class CrashingPublisher {
    private CrashingPublisher() {
    }

    public static void main(String[] args) {
        String site = args[0];
        try (AskelConfluence askel = AskelConfluence.builder().dataDirectory(Path.of(args[1])).allowSiteOrigin(site)
                .set(Setting.CONFLUENCE_TIMEOUT, "PT5S").build()) {
            Connection connection = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, "crestview",
                    site, "ada@example.com", Secret.of(Harness.ADA_TOKEN, "apiToken"), Optional.empty(), Optional.empty()));
            System.out.println("REGISTERED");
            System.out.flush();
            askel.publishRunbook().publish(Harness.runbook(askel.defaultWorkspace().connection(connection.id()), args[2]));
            System.out.println("PUBLISHED");
        }
    }
}
