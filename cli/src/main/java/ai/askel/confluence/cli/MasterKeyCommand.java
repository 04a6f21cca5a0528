package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "rotate-master-key", description = {"Re-encrypts every stored API token under a new master key, read from $ASKEL_NEW_MASTER_KEY (base64 of 32 bytes).",
        "--json: {reencrypted: COUNT}."})
final class MasterKeyCommand extends ConnectorCommand {
    @Override
    protected int execute() {
        String newKey = System.getenv("ASKEL_NEW_MASTER_KEY");
        if (newKey == null || newKey.isBlank()) {
            throw new CliErrors.CliUsageException("set ASKEL_NEW_MASTER_KEY to the new key (base64 of 32 random bytes), "
                    + "e.g. $(head -c 32 /dev/urandom | base64)");
        }
        AppConfig config = config(Map.of());
        try (AskelConfluence askel = AskelConfluence.from(config)) {
            int count = askel.rotateMasterKey().rotate(newKey.strip());
            // the key comes from the configuration (ASKEL_MASTER_KEY, or askel.master-key of the properties file) when it is
            // set there, otherwise from the data directory's key file, which the rotation has rewritten
            String next = config.optional(Setting.MASTER_KEY).isPresent()
                    ? "set " + config.source(Setting.MASTER_KEY) + " to the new key on every instance before they restart"
                    : config.path(Setting.DATA_DIR).resolve("master.key") + " holds the new key";
            out().result(Map.of("reencrypted", count), "re-encrypted " + count + " secrets; " + next);
        }
        return 0;
    }
}
