package ai.askel.confluence.cli.reliability;

import ai.askel.confluence.app.reliability.Harness;
import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.cli.AskelCommand;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of bad inputs through the HTTP API and the CLI. Each one gets a 4xx problem (the CLI: a
 * non-zero exit and a message) naming the problem, and nothing reaches Confluence except reads,
 * and nothing reaches the database: every table's row count is the same after the corpus as before.
 */
class BadInputCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfluenceSandbox sandbox;
    private static Harness harness;
    private static String pageId;
    private static Map<String, Long> rowsBefore;

    /** One bad request: what is sent, and a word the problem must contain (the field or the reason). */
    record Case(String name, String method, String path, String body, String contentType, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start(@TempDir Path dir) {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        harness = Harness.embedded(sandbox, dir, Harness.fastSettings()).startHttp();
        pageId = sandbox.createPage("INFRA", "Corpus target", "<p>before</p>", "ada@example.com");
        sandbox.resetCounters();
        rowsBefore = rowCounts();
    }

    @AfterAll
    static void stop() {
        harness.close();
        sandbox.close();
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        harness.tables().forEach(t -> counts.put(t, harness.rowsOf(t)));
        return counts;
    }

    // ---- the corpus ----

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String c = "/api/v1/connections/{c}";
        String badTitle256 = "t".repeat(256);
        // titles, through create, update and publish
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("empty title", "");
        titles.put("blank title", "   ");
        titles.put("256-character title", badTitle256);
        titles.put("2000-character title", "x".repeat(2000));
        titles.put("NUL in title", "a\u0000b");
        titles.put("BEL in title", "a\u0007b");
        titles.put("newline in title", "line\nbreak");
        titles.put("tab in title", "tab\there");
        titles.put("ANSI escape in title", "\u001b[31mred");
        titles.put("DEL in title", "a\u007fb");
        titles.put("C1 control in title", "a\u0085b");
        titles.forEach((name, title) -> {
            cases.add(new Case("create: " + name, "POST", c + "/pages", json("spaceKey", "INFRA", "title", title, "body", body("<p>x</p>")),
                    "application/json", "title"));
            cases.add(new Case("update: " + name, "PUT", c + "/pages/{page}", json("title", title, "body", body("<p>x</p>")),
                    "application/json", "title"));
            cases.add(new Case("publish: " + name, "POST", c + "/runbooks", publish("title", title), "application/json", "title"));
        });
        // storage format
        Map<String, String> storage = new LinkedHashMap<>();
        storage.put("unclosed element", "<p>unclosed");
        storage.put("crossed elements", "<p><b>x</p></b>");
        storage.put("CDATA end in text", "<p>a ]]> b</p>");
        storage.put("bare CDATA end", "]]>");
        storage.put("HTML-only entity nbsp", "<p>a&nbsp;b</p>");
        storage.put("HTML-only entity copy", "<p>&copy; 2026</p>");
        storage.put("HTML-only entity hellip", "<p>wait&hellip;</p>");
        storage.put("XXE external entity", "<!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><p>&xxe;</p>");
        storage.put("XXE parameter entity", "<!DOCTYPE p [<!ENTITY % x SYSTEM \"http://169.254.169.254/\"> %x;]><p>x</p>");
        storage.put("billion laughs", "<!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><p>&b;</p>");
        storage.put("DOCTYPE alone", "<!DOCTYPE html><p>x</p>");
        storage.put("unquoted attribute", "<p class=x>y</p>");
        storage.put("stray ampersand", "<p>fish & chips</p>");
        storage.put("stray less-than", "<p>a < b</p>");
        storage.put("unclosed macro", "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>x</p></ac:rich-text-body>");
        storage.put("unknown namespace prefix", "<zz:thing>x</zz:thing>");
        storage.put("NUL character reference", "<p>&#0;</p>");
        storage.put("trailing garbage", "<p>x</p><");
        storage.forEach((name, value) -> {
            cases.add(new Case("create storage: " + name, "POST", c + "/pages", json("spaceKey", "INFRA", "title", "Bad body", "body",
                    body(value)), "application/json", "body"));
            cases.add(new Case("update storage: " + name, "PUT", c + "/pages/{page}", json("body", body(value)), "application/json", "body"));
        });
        // labels
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("label with a space", "has space");
        labels.put("label with a colon", "a:b");
        labels.put("label with a semicolon", "drop;table");
        labels.put("label with a comma", "a,b");
        labels.put("256-character label", "l".repeat(256));
        labels.put("empty label", "");
        labels.put("label with a tab", "a\tb");
        labels.put("label with CQL quote", "x\" OR label = \"y");
        labels.put("label with brackets", "[x]");
        labels.put("label with an at sign", "@all");
        labels.forEach((name, label) -> {
            cases.add(new Case("add " + name, "POST", c + "/pages/{page}/labels", json("labels", List.of(label)), "application/json",
                    "label"));
            cases.add(new Case("create with " + name, "POST", c + "/pages", json("spaceKey", "INFRA", "title", "L", "body", body("<p>x</p>"),
                    "labels", List.of(label)), "application/json", "label"));
        });
        cases.add(new Case("publish with 256-character label", "POST", c + "/runbooks", publish("labels", List.of("l".repeat(256))),
                "application/json", "label"));
        cases.add(new Case("remove label with a colon", "DELETE", c + "/pages/{page}/labels/a:b", null, null, "label"));
        // space keys and page ids
        for (String key : List.of("", "IN FRA", "INFRA;DROP", "../ENG", "K".repeat(256), "ÄÖÜ", "~", "INFRA'--")) {
            cases.add(new Case("create in space '" + key + "'", "POST", c + "/pages", json("spaceKey", key, "title", "S", "body",
                    body("<p>x</p>")), "application/json", "space"));
        }
        cases.add(new Case("create in a space that does not exist", "POST", c + "/pages", json("spaceKey", "NOPE", "title", "S", "body",
                body("<p>x</p>")), "application/json", "NOPE"));
        cases.add(new Case("publish in a space that does not exist", "POST", c + "/runbooks", publish("spaceKey", "NOPE"),
                "application/json", "NOPE"));
        for (String id : List.of("abc", "-5", "1e3", "99999999999999999999999", "12%2F..%2F13", "1%20OR%201%3D1")) {
            cases.add(new Case("read page id " + id, "GET", c + "/pages/" + id, null, null, "pageid"));
            cases.add(new Case("update page id " + id, "PUT", c + "/pages/" + id, json("body", body("<p>x</p>")), "application/json",
                    "pageid"));
        }
        for (String parent : List.of("abc", "-1", "1 OR 1=1")) {
            cases.add(new Case("create under parent " + parent, "POST", c + "/pages", json("spaceKey", "INFRA", "title", "P", "parentId",
                    parent, "body", body("<p>x</p>")), "application/json", "parentid"));
        }
        cases.add(new Case("update page that does not exist", "PUT", c + "/pages/999999999", json("body", body("<p>x</p>")),
                "application/json", "999999999"));
        cases.add(new Case("connection id not a uuid", "GET", "/api/v1/connections/not-a-uuid/pages?spaceKey=INFRA", null, null,
                "connection"));
        cases.add(new Case("unknown connection", "POST", "/api/v1/connections/00000000-0000-4000-8000-000000000000/pages",
                json("spaceKey", "INFRA", "title", "U", "body", body("<p>x</p>")), "application/json", "connection"));
        // versions and messages
        for (Object base : List.of(0, -1, "abc", 1.5)) {
            cases.add(new Case("baseVersion " + base, "PUT", c + "/pages/{page}", json("body", body("<p>x</p>"), "baseVersion", base),
                    "application/json", "baseversion"));
        }
        cases.add(new Case("stale baseVersion", "PUT", c + "/pages/{page}", json("body", body("<p>x</p>"), "baseVersion", 40),
                "application/json", "version"));
        cases.add(new Case("256-character version message", "PUT", c + "/pages/{page}", json("body", body("<p>x</p>"), "message",
                "m".repeat(256)), "application/json", "message"));
        cases.add(new Case("representation html", "POST", c + "/pages", json("spaceKey", "INFRA", "title", "R", "body",
                Map.of("representation", "html", "value", "<p>x</p>")), "application/json", "representation"));
        // templates and their inputs
        cases.add(new Case("unknown template", "POST", c + "/runbooks", publish("template", "nope"), "application/json", "template"));
        cases.add(new Case("path-like template", "POST", c + "/runbooks", publish("template", "../../etc/passwd"), "application/json",
                "template"));
        cases.add(new Case("no inputs", "POST", c + "/runbooks", publish("inputs", Map.of()), "application/json", "environment"));
        cases.add(new Case("inputs as an array", "POST", c + "/runbooks", publish("inputs", List.of(1, 2)), "application/json", "inputs"));
        for (String input : List.of("environment", "customer", "status")) {
            cases.add(new Case("missing input " + input, "POST", c + "/runbooks", publishWithout(input), "application/json", input));
        }
        cases.add(new Case("status as a list", "POST", c + "/runbooks", publishWith("status", List.of("LIVE")), "application/json",
                "status"));
        cases.add(new Case("customer as a number", "POST", c + "/runbooks", publishWith("customer", 42), "application/json",
                "customer"));
        cases.add(new Case("regions as a string", "POST", c + "/runbooks", publishWith("regions", "eu-west-1"), "application/json",
                "regions"));
        cases.add(new Case("unknown input", "POST", c + "/runbooks", publishWith("rootPassword", "hunter2"), "application/json",
                "rootPassword"));
        cases.add(new Case("endpoint url as a number", "POST", c + "/runbooks", publishWith("endpoints", List.of(Map.of("name", "x", "url", 5))),
                "application/json", "url"));
        cases.add(new Case("endpoint with a column the table lacks", "POST", c + "/runbooks",
                publishWith("endpoints", List.of(Map.of("name", "x", "owner", "y"))), "application/json", "owner"));
        cases.add(new Case("onDrift explode", "POST", c + "/runbooks", publish("onDrift", "explode"), "application/json", "onDrift"));
        cases.add(new Case("dryRun as a string", "POST", c + "/runbooks", publish("dryRun", "yes"), "application/json", "dryRun"));
        cases.add(new Case("parent title with a NUL", "POST", c + "/runbooks", publish("parentTitle", "a\u0000b"), "application/json",
                "title"));
        // JSON itself
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("empty body", "");
        broken.put("open brace", "{");
        broken.put("missing value", "{\"title\":}");
        broken.put("array instead of object", "[]");
        broken.put("null", "null");
        broken.put("not JSON", "title=x");
        broken.put("trailing brace", "{\"spaceKey\":\"INFRA\"}}");
        broken.put("single quotes", "{'spaceKey':'INFRA'}");
        broken.put("NaN", "{\"baseVersion\": NaN}");
        broken.put("comment", "/* hi */ {\"spaceKey\":\"INFRA\"}");
        broken.forEach((name, body) -> {
            cases.add(new Case("create: " + name, "POST", c + "/pages", body, "application/json", "json"));
            cases.add(new Case("publish: " + name, "POST", c + "/runbooks", body, "application/json", "json"));
        });
        // fields and types
        cases.add(new Case("unknown field", "POST", c + "/pages", json("spaceKey", "INFRA", "title", "F", "body", body("<p>x</p>"),
                "evil", true), "application/json", "evil"));
        cases.add(new Case("unknown field in body", "POST", c + "/pages", json("spaceKey", "INFRA", "title", "F", "body",
                Map.of("value", "<p>x</p>", "macro", "x")), "application/json", "macro"));
        cases.add(new Case("unknown publish field", "POST", c + "/runbooks", publish("overwriteEverything", true), "application/json",
                "overwriteEverything"));
        cases.add(new Case("title as a number", "POST", c + "/pages", json("spaceKey", "INFRA", "title", 5, "body", body("<p>x</p>")),
                "application/json", "title"));
        cases.add(new Case("title null", "POST", c + "/pages", json("spaceKey", "INFRA", "title", null, "body", body("<p>x</p>")),
                "application/json", "title"));
        cases.add(new Case("missing title", "POST", c + "/pages", json("spaceKey", "INFRA", "body", body("<p>x</p>")), "application/json",
                "title"));
        cases.add(new Case("missing body", "POST", c + "/pages", json("spaceKey", "INFRA", "title", "B"), "application/json", "body"));
        cases.add(new Case("body as a string", "POST", c + "/pages", json("spaceKey", "INFRA", "title", "B", "body", "<p>x</p>"),
                "application/json", "body"));
        cases.add(new Case("labels as a string", "POST", c + "/pages/{page}/labels", json("labels", "a"), "application/json", "labels"));
        cases.add(new Case("labels missing", "POST", c + "/pages/{page}/labels", json(), "application/json", "labels"));
        // content types and sizes
        String good = json("spaceKey", "INFRA", "title", "CT", "body", body("<p>x</p>"));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/html")) {
            cases.add(new Case("content type " + type, "POST", c + "/pages", good, type, "content"));
        }
        cases.add(new Case("multipart to a JSON route", "POST", c + "/pages", "--b\r\n\r\nx\r\n--b--", "multipart/form-data; boundary=b",
                "content"));
        cases.add(new Case("attachment without a file part", "POST", c + "/pages/{page}/attachments",
                "--b\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b", "file"));
        cases.add(new Case("attachment as JSON", "POST", c + "/pages/{page}/attachments", "{}", "application/json", "multipart"));
        // connections
        cases.add(new Case("register: bad email", "POST", "/api/v1/connections", register("email", "not-an-email"), "application/json",
                "email"));
        cases.add(new Case("register: empty name", "POST", "/api/v1/connections", register("name", ""), "application/json", "name"));
        cases.add(new Case("register: 101-character name", "POST", "/api/v1/connections", register("name", "n".repeat(101)),
                "application/json", "name"));
        cases.add(new Case("register: empty token", "POST", "/api/v1/connections", register("apiToken", ""), "application/json",
                "apiToken"));
        cases.add(new Case("register: bad cloud id", "POST", "/api/v1/connections", register("cloudId", "not-a-uuid"), "application/json",
                "cloudId"));
        cases.add(new Case("register: bad expiry date", "POST", "/api/v1/connections", register("tokenExpiresOn", "tomorrow"),
                "application/json", "tokenExpiresOn"));
        cases.add(new Case("rotate: empty body", "PUT", c + "/credentials", json(), "application/json", "apiToken"));
        // search filters: malformed CQL and bad labels are refused (reads only)
        cases.add(new Case("search: unbalanced raw CQL", "GET", c + "/pages?cql=title%20%3D%20%22x", null, null, "cql"));
        cases.add(new Case("search: label filter with CQL", "GET", c + "/pages?spaceKey=INFRA&label=x%22%20OR%20label%3D%22y", null, null,
                "label"));
        cases.add(new Case("search: bad space filter", "GET", c + "/pages?spaceKey=IN%20FRA", null, null, "space"));
        cases.add(new Case("search: bad modifiedSince", "GET", c + "/pages?spaceKey=INFRA&modifiedSince=yesterday", null, null,
                "modifiedSince"));
        cases.add(new Case("search: limit 0", "GET", c + "/pages?spaceKey=INFRA&limit=0", null, null, "limit"));
        cases.add(new Case("search: limit 100000", "GET", c + "/pages?spaceKey=INFRA&limit=100000", null, null, "limit"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void every_bad_input_gets_a_4xx_problem_naming_it(Case bad) throws IOException {
        sandbox.resetCounters();
        String path = bad.path().replace("{c}", harness.connection.id().value()).replace("{page}", pageId);
        HttpResponse<String> response = bad.body() == null
                ? harness.send(bad.method(), path, null)
                : harness.send(bad.method(), path, bad.body(), bad.contentType(), Optional.of(harness.apiKey()));

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body().toLowerCase(Locale.ROOT)).as("the problem names %s", bad.mentions())
                .contains(bad.mentions().toLowerCase(Locale.ROOT));
        assertThat(harness.writes()).as("no write reached Confluence").isEmpty();
    }

    @Test
    void the_corpus_has_at_least_100_cases_and_wrote_nothing_anywhere() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(100);
        // runs last or first: either way no row may have changed (bad input is refused before any write)
        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(harness.writes()).isEmpty();
        assertThat(sandbox.findPage(pageId).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void a_body_over_the_json_limit_gets_413_naming_the_limit_and_writes_nothing() throws Exception {
        sandbox.resetCounters();
        byte[] big = json("spaceKey", "INFRA", "title", "Big", "body", body("<p>" + "x".repeat(6 * 1024 * 1024) + "</p>"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String[] answer = harness.sendRaw("POST", harness.connectionPath() + "/pages", "application/json", big);

        assertThat(Integer.parseInt(answer[0])).as(answer[2]).isEqualTo(413);
        assertThat(answer[2].toLowerCase(Locale.ROOT)).contains("application/problem+json");
        assertThat(answer[1].toLowerCase(Locale.ROOT)).contains("large");
        assertThat(harness.writes()).isEmpty();
    }

    /** Upper case is normalised, not refused; '/' is allowed by Confluence and kept. */
    @Test
    void upper_case_labels_are_normalised_and_slashes_kept() throws IOException {
        HttpResponse<String> response = harness.send("POST", harness.connectionPath() + "/pages/" + pageId + "/labels",
                json("labels", List.of("Customer-RUNBOOK", "team/ops")));
        try {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(sandbox.findPage(pageId).orElseThrow().labels()).contains("customer-runbook", "team/ops")
                    .doesNotContain("Customer-RUNBOOK");
        } finally {
            sandbox.removeLabel(pageId, "customer-runbook");
            sandbox.removeLabel(pageId, "team/ops");
            sandbox.resetCounters();
        }
    }

    // ---- the CLI ----

    static Stream<List<String>> cliCorpus() {
        return Stream.of(
                List.of("page", "create", "--space", "INFRA", "--title", "", "--body", "<p>x</p>"),
                List.of("page", "create", "--space", "INFRA", "--title", "t".repeat(256), "--body", "<p>x</p>"),
                List.of("page", "create", "--space", "INFRA", "--title", "a\u0007b", "--body", "<p>x</p>"),
                List.of("page", "create", "--space", "IN FRA", "--title", "x", "--body", "<p>x</p>"),
                List.of("page", "create", "--space", "INFRA", "--title", "x", "--body", "<p>unclosed"),
                List.of("page", "create", "--space", "INFRA", "--title", "x", "--body", "<p>&nbsp;</p>"),
                List.of("page", "create", "--space", "INFRA", "--title", "x", "--body",
                        "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>"),
                List.of("page", "create", "--space", "INFRA", "--title", "x", "--body", "<p>x</p>", "--label", "has space"),
                List.of("page", "get", "abc"),
                List.of("page", "update", "-5", "--body", "<p>x</p>"),
                List.of("labels", "add", "{page}", "a:b"),
                List.of("labels", "add", "{page}", "l".repeat(256)),
                List.of("runbook", "publish", "--space", "INFRA", "--title", "x", "--template", "nope"),
                List.of("runbook", "publish", "--space", "INFRA", "--title", "x"),
                List.of("runbook", "publish", "--space", "INFRA", "--title", "x", "--on-drift", "explode"),
                List.of("page", "search", "--space", "INFRA", "--label", "x\" OR label = \"y"));
    }

    @ParameterizedTest(name = "askel-confluence {0}")
    @MethodSource("cliCorpus")
    void the_cli_refuses_bad_input_with_a_message_and_a_non_zero_exit(List<String> args) throws IOException {
        Path config = Files.createTempFile("askel-cli", ".properties");
        Files.writeString(config, "askel.allowed-site-origins=" + sandbox.baseUrl() + "\n");
        sandbox.resetCounters();
        List<String> all = new ArrayList<>(List.of("--config", config.toString(), "--data-dir", harness.dataDirectory().toString()));
        args.forEach(a -> all.add(a.replace("{page}", pageId)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = AskelCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));

        assertThat(exit).as(out + "\n" + err).isNotZero();
        assertThat(err.toString()).as("a message on stderr").isNotBlank().doesNotContain("Exception in thread")
                .doesNotContain("\tat ");
        assertThat(harness.writes()).isEmpty();
    }

    // ---- JSON builders ----

    private static String json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(String value) {
        return Map.of("representation", "storage", "value", value);
    }

    private static Map<String, Object> publishRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("template", "customer-environment-runbook");
        request.put("spaceKey", "INFRA");
        request.put("title", "Corpus runbook");
        request.put("inputs", new LinkedHashMap<>(Harness.inputs("Corpus runbook").values()));
        return request;
    }

    private static String publish(String key, Object value) {
        Map<String, Object> request = publishRequest();
        request.put(key, value);
        return write(request);
    }

    @SuppressWarnings("unchecked")
    private static String publishWith(String input, Object value) {
        Map<String, Object> request = publishRequest();
        ((Map<String, Object>) request.get("inputs")).put(input, value);
        return write(request);
    }

    @SuppressWarnings("unchecked")
    private static String publishWithout(String input) {
        Map<String, Object> request = publishRequest();
        ((Map<String, Object>) request.get("inputs")).remove(input);
        return write(request);
    }

    private static String register(String key, Object value) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "acme");
        request.put("siteUrl", sandbox.baseUrl());
        request.put("email", "ada@example.com");
        request.put("apiToken", "ada-token");
        request.put(key, value);
        return write(request);
    }

    private static String write(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
