package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "rotate-master-key", description = "Re-encrypts every stored API token under a new master key, read from $ASKEL_NEW_MASTER_KEY (base64 of 32 bytes).")
final class MasterKeyCommand extends ConnectorCommand {
    @Override
    protected int execute() {
        String newKey = System.getenv("ASKEL_NEW_MASTER_KEY");
        if (newKey == null || newKey.isBlank()) {
            throw new CliErrors.CliUsageException("set ASKEL_NEW_MASTER_KEY to the new key (base64 of 32 random bytes), "
                    + "e.g. $(head -c 32 /dev/urandom | base64)");
        }
        try (AskelConfluence askel = openConnector()) {
            int count = askel.component().rotateMasterKey().rotate(newKey.strip());
            out().result(Map.of("reencrypted", count), "re-encrypted " + count + " secrets; from now on set ASKEL_MASTER_KEY to the new key");
        }
        return 0;
    }
}
