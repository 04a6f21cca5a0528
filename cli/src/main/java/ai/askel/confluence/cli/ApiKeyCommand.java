package ai.askel.confluence.cli;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** API keys of the HTTP API, per workspace and scope. */
@Command(name = "api-key", description = "Creates, lists and revokes API keys of the HTTP API.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand extends GroupCommand {

    /** The workspace option every subcommand shares. */
    static final class WorkspaceOption {
        @Option(names = "--workspace", paramLabel = "ID", description = "The workspace (default: the default workspace).")
        String workspace;

        WorkspaceId id() {
            return workspace == null || workspace.isBlank() ? WorkspaceIds.DEFAULT : WorkspaceId.of(workspace.strip());
        }
    }

    @Command(name = "create", description = {"Creates a key; it is shown once, and only its hash is stored.",
            "--json: {id, workspaceId, name, prefix, scope, createdAt, revokedAt, key}."})
    static final class Create extends ConnectorCommand {
        @picocli.CommandLine.Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Option(names = "--name", defaultValue = "cli", description = "A name to recognise the key by.")
        String name;

        @Option(names = "--scope", defaultValue = "write", paramLabel = "read|write|admin",
                description = "What the key may do: read, write (read and change content; the default) or admin (also keys and the audit log).")
        String scope;

        @Override
        protected int execute() throws Exception {
            ApiKeyScope parsed = ApiKeyScope.parse(scope);
            return printed(askel -> {
                CreatedApiKey key = askel.manageApiKeys().create(workspace.id(), name, parsed);
                Map<String, Object> view = Views.apiKey(key.record());
                view.put("key", key.key().reveal());
                return new Printed(view, "API key " + key.record().id() + " (" + key.record().prefix() + ", " + parsed.wireName()
                        + ", workspace " + key.record().workspace() + "), shown once:\n" + key.key().reveal());
            });
        }
    }

    @Command(name = "list", description = {"Lists the workspace's keys (prefixes only, never the keys).",
            "--json: [{id, workspaceId, name, prefix, scope, createdAt, revokedAt}]."})
    static final class ListKeys extends ConnectorCommand {
        @picocli.CommandLine.Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                List<ApiKeyRecord> keys = askel.manageApiKeys().list(workspace.id());
                return new Printed(keys.stream().map(Views::apiKey).toList(), keys.isEmpty() ? "no API keys" : keys.stream()
                        .map(k -> k.id() + "  " + k.prefix() + "  " + k.scope().wireName() + "  " + k.name()
                                + (k.isActive() ? "" : "  (revoked " + k.revokedAt().get() + ")"))
                        .collect(Collectors.joining("\n")));
            });
        }
    }

    @Command(name = "revoke", description = {"Revokes a key; requests with it get 401 from then on, also on a running server."
            + " Revoking a revoked key succeeds again and changes nothing; an unknown key id is NOT_FOUND.",
            "--json: {revoked: KEY_ID}."})
    static final class Revoke extends ConnectorCommand {
        @picocli.CommandLine.Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Parameters(paramLabel = "KEY_ID")
        String keyId;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                askel.manageApiKeys().revoke(workspace.id(), keyId);
                return new Printed(Map.of("revoked", keyId), "revoked " + keyId);
            });
        }
    }
}
