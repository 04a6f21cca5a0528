package ai.askel.confluence.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Seeds a sandbox from JSON:
 * <pre>
 * {"users":  [{"email":"ada@example.com","token":"token-1","accountId":"557058:ada","displayName":"Ada"}],
 *  "spaces": [{"key":"INFRA","name":"Infrastructure","anonymousRead":false,
 *              "permissions":{"bob@example.com":"READ"}}],
 *  "pages":  [{"space":"INFRA","title":"Runbooks","body":"h1. Runbooks","representation":"wiki",
 *              "parent":"Title of an earlier page","labels":["ops"],"author":"ada@example.com"}],
 *  "rateLimit": {"requests":100,"windowSeconds":60}, "indexDelayMs":0, "maxAttachmentBytes":104857600}
 * </pre>
 */
final class Seed {

    private Seed() {
    }

    static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + file, e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seed is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static void apply(JsonNode seed, ConfluenceSandbox sandbox) {
        for (JsonNode u : seed.path("users")) {
            sandbox.addUser(new SandboxUser(required(u, "email"), required(u, "token"), required(u, "accountId"),
                    required(u, "displayName")));
        }
        for (JsonNode s : seed.path("spaces")) {
            String key = required(s, "key");
            sandbox.addSpace(key, required(s, "name"));
            sandbox.anonymousRead(key, s.path("anonymousRead").asBoolean(false));
            s.path("permissions").properties().forEach(e -> sandbox.setPermission(e.getKey(), key,
                    Permission.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT))));
        }
        Map<String, String> idsByTitle = new HashMap<>();
        for (JsonNode p : seed.path("pages")) {
            String space = required(p, "space");
            String title = required(p, "title");
            String body = p.path("body").asText("");
            String storage = "wiki".equals(p.path("representation").asText("storage"))
                    ? WikiMarkup.toStorage(body) : body;
            String author = p.hasNonNull("author") ? p.get("author").asText() : sandbox.users().get(0).email();
            String parent = p.hasNonNull("parent") ? idsByTitle.get(space + "/" + p.get("parent").asText()) : null;
            if (p.hasNonNull("parent") && parent == null) {
                throw new IllegalArgumentException("seed page '" + title + "' names an unknown parent '"
                        + p.get("parent").asText() + "' (parents must come first)");
            }
            String id = sandbox.createPage(space, parent, title, storage, author);
            idsByTitle.put(space + "/" + title, id);
            for (JsonNode label : p.path("labels")) {
                sandbox.addLabels(id, label.asText());
            }
        }
        JsonNode rate = seed.path("rateLimit");
        if (rate.has("requests")) {
            sandbox.rateLimits().budget(rate.get("requests").asInt(),
                    Duration.ofSeconds(rate.path("windowSeconds").asLong(60)));
        }
        if (seed.has("indexDelayMs")) {
            sandbox.indexDelay(Duration.ofMillis(seed.get("indexDelayMs").asLong()));
        }
        if (seed.has("maxAttachmentBytes")) {
            sandbox.maxAttachmentBytes(seed.get("maxAttachmentBytes").asLong());
        }
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("seed entry " + node + " lacks '" + field + "'");
        }
        return node.get(field).asText();
    }

    static void demo(ConfluenceSandbox sandbox) {
        apply(parse("{"
                + "\"users\":[{\"email\":\"ada@example.com\",\"token\":\"ada-token\",\"accountId\":\"557058:ada\","
                + "\"displayName\":\"Ada Lovelace\"},{\"email\":\"bob@example.com\",\"token\":\"bob-token\","
                + "\"accountId\":\"557058:bob\",\"displayName\":\"Bob Reader\"}],"
                + "\"spaces\":[{\"key\":\"INFRA\",\"name\":\"Infrastructure\",\"permissions\":"
                + "{\"bob@example.com\":\"READ\"}},{\"key\":\"ENG\",\"name\":\"Engineering\",\"permissions\":"
                + "{\"bob@example.com\":\"NONE\"}}],"
                + "\"pages\":[{\"space\":\"INFRA\",\"title\":\"Runbooks\",\"representation\":\"wiki\","
                + "\"body\":\"h1. Runbooks\\n\\nOperational procedures for the *infrastructure* team.\","
                + "\"labels\":[\"runbook\"]},"
                + "{\"space\":\"INFRA\",\"title\":\"Restart the ingest cluster\",\"parent\":\"Runbooks\","
                + "\"representation\":\"wiki\",\"body\":\"h2. Steps\\n* Drain traffic\\n* Restart nodes\","
                + "\"labels\":[\"runbook\",\"ingest\"]},"
                + "{\"space\":\"ENG\",\"title\":\"Release notes\",\"body\":\"<p>Nothing released yet.</p>\"}]}"),
                sandbox);
    }
}
