package ai.askel.confluence.cli;

import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** API keys of the HTTP API (default workspace). */
@Command(name = "api-key", description = "Creates, lists and revokes API keys of the HTTP API.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", description = "Creates a key; it is shown once, and only its hash is stored.")
    static final class Create extends ConnectorCommand {
        @Option(names = "--name", defaultValue = "cli", description = "A name to recognise the key by.")
        String name;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                CreatedApiKey key = askel.component().manageApiKeys().create(WorkspaceIds.DEFAULT, name);
                java.util.Map<String, Object> view = Views.apiKey(key.record());
                view.put("key", key.key().reveal());
                return new Printed(view, "API key " + key.record().id() + " (" + key.record().prefix() + "), shown once:\n" + key.key().reveal());
            });
        }
    }

    @Command(name = "list", description = "Lists the keys (prefixes only).")
    static final class ListKeys extends ConnectorCommand {
        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                List<ApiKeyRecord> keys = askel.component().manageApiKeys().list(WorkspaceIds.DEFAULT);
                return new Printed(keys.stream().map(Views::apiKey).toList(), keys.isEmpty() ? "no API keys" : keys.stream()
                        .map(k -> k.id() + "  " + k.prefix() + "  " + k.name() + (k.isActive() ? "" : "  (revoked " + k.revokedAt().get() + ")"))
                        .collect(Collectors.joining("\n")));
            });
        }
    }

    @Command(name = "revoke", description = "Revokes a key; requests with it get 401 from then on.")
    static final class Revoke extends ConnectorCommand {
        @Parameters(paramLabel = "KEY_ID")
        String keyId;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                askel.component().manageApiKeys().revoke(WorkspaceIds.DEFAULT, keyId);
                return new Printed(java.util.Map.of("revoked", keyId), "revoked " + keyId);
            });
        }
    }
}
