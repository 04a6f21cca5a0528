package ai.askel.confluence.cli.reliability;

import ai.askel.confluence.app.reliability.Harness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.askel.confluence.cli.AskelCommand;
import ai.askel.confluence.cli.ConsoleLogging;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** SSRF, secrets in logs/answers/errors/the database, and API-key authentication, end to end. */
class SecurityTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static ConfluenceSandbox sandbox;
    private static Harness harness;
    private static ServerSocket trap;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        harness = Harness.embedded(sandbox, dir, Harness.fastSettings()).startHttp();
        trap = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        trap.setSoTimeout(1);
    }

    @AfterAll
    static void stop() throws IOException {
        trap.close();
        harness.close();
        sandbox.close();
    }

    // ---- SSRF ----

    static Stream<String> forbiddenSites() {
        int port = trap.getLocalPort();
        return Stream.of("http://169.254.169.254", "http://169.254.169.254/latest/meta-data/", "http://localhost:" + port,
                "http://127.0.0.1:" + port, "https://127.0.0.1:" + port, "http://[::1]:" + port, "http://0.0.0.0:" + port,
                "https://x.atlassian.net@127.0.0.1:" + port, "https://x.atlassian.net@evil.example", "https://evil.example/x.atlassian.net",
                "https://x.atlassian.net.evil.example", "https://x.atlassian.net.127.0.0.1.nip.io:" + port, "file:///etc/passwd",
                "ftp://x.atlassian.net", "gopher://127.0.0.1:" + port, "http://x.atlassian.net", "https://x.atlassian.net:" + port,
                "https://x.atlassian.net:8443", "https://10.0.0.1", "https://192.168.1.1", "https://2130706433", "https://0x7f000001",
                "https://[::ffff:127.0.0.1]", "https://x.atlassian.net%2F@evil.example", "https://atlassian.net",
                "https://.atlassian.net", "javascript:alert(1)", "", "not a url");
    }

    @ParameterizedTest(name = "POST /api/v1/connections siteUrl={0}")
    @MethodSource("forbiddenSites")
    void a_forbidden_site_is_refused_over_http_before_any_connection(String site) throws IOException {
        long connections = harness.rows("connection");
        HttpResponse<String> response = harness.send("POST", "/api/v1/connections",
                "{\"name\":\"evil\",\"siteUrl\":\"" + site + "\",\"email\":\"ada@example.com\",\"apiToken\":\"ada-token\"}");

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).containsAnyOf("SITE_NOT_ALLOWED", "INVALID_INPUT");
        assertThat(JSON.readTree(response.body()).path("detail").asText()).as("names the problem").isNotBlank();
        assertNoConnectionReachedTheTrap();
        assertThat(harness.rows("connection")).isEqualTo(connections);
    }

    @ParameterizedTest(name = "connections add --site {0}")
    @MethodSource("forbiddenSites")
    void a_forbidden_site_is_refused_by_the_cli_before_any_connection(String site) throws IOException {
        long connections = harness.rows("connection");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("ada-token\n".getBytes(StandardCharsets.UTF_8)));
        int exit;
        try {
            exit = AskelCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "--data-dir", harness.dataDirectory().toString(),
                    "connections", "add", "--name", "evil", "--site", site, "--email", "ada@example.com", "--token-stdin");
        } finally {
            System.setIn(stdin);
        }

        assertThat(exit).as(out + "\n" + err).isNotZero();
        assertThat(err.toString()).isNotBlank().doesNotContain("ada-token");
        assertNoConnectionReachedTheTrap();
        assertThat(harness.rows("connection")).isEqualTo(connections);
    }

    private static void assertNoConnectionReachedTheTrap() throws IOException {
        try {
            trap.accept().close();
            throw new AssertionError("a connection reached the listening socket");
        } catch (SocketTimeoutException expected) {
            // nobody knocked
        }
    }

    // ---- API keys ----

    @Test
    void missing_malformed_unknown_and_revoked_keys_get_401_and_another_workspace_gets_404() {
        String path = harness.connectionPath();
        assertThat(harness.send("GET", path, null, null, Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(harness.send("GET", path, null, null, Optional.of("not-a-key")).statusCode()).isEqualTo(401);
        assertThat(harness.send("GET", path, null, null, Optional.of("ask_00000000_00000000000000000000000000000000")).statusCode())
                .isEqualTo(401);
        String valid = harness.apiKey();
        String wrongSecret = valid.substring(0, valid.length() - 1) + (valid.endsWith("a") ? "b" : "a");
        assertThat(harness.send("GET", path, null, null, Optional.of(wrongSecret)).statusCode()).as("right prefix, wrong secret").isEqualTo(401);
        // on the kept-alive connection that just carried the valid key, the same key in other case is another key
        // (Jetty's header cache once read it as the line it had seen before)
        assertThat(harness.send("GET", path, null, null, Optional.of(valid)).statusCode()).isEqualTo(200);
        String secret = valid.substring(valid.lastIndexOf('_') + 1);
        String otherCase = valid.substring(0, valid.lastIndexOf('_') + 1) + (secret.equals(secret.toUpperCase(Locale.ROOT))
                ? secret.toLowerCase(Locale.ROOT) : secret.toUpperCase(Locale.ROOT));
        assertThat(harness.send("GET", path, null, null, Optional.of(otherCase)).statusCode()).as("the secret in other case").isEqualTo(401);

        CreatedApiKey revoked = harness.askel.manageApiKeys().create(ai.askel.confluence.domain.WorkspaceIds.DEFAULT, "gone");
        assertThat(harness.send("GET", path, null, null, Optional.of(revoked.key().reveal())).statusCode()).isEqualTo(200);
        harness.askel.manageApiKeys().revoke(ai.askel.confluence.domain.WorkspaceIds.DEFAULT, revoked.record().id());
        HttpResponse<String> afterRevoke = harness.send("GET", path, null, null, Optional.of(revoked.key().reveal()));
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(afterRevoke.body()).contains("UNAUTHENTICATED").doesNotContain(revoked.key().reveal());

        CreatedApiKey other = harness.askel.manageApiKeys().create(harness.askel.manageWorkspaces().create("other").id(), "other");
        HttpResponse<String> foreign = harness.send("GET", path, null, null, Optional.of(other.key().reveal()));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(harness.send("GET", path + "/pages?spaceKey=INFRA", null, null, Optional.of(other.key().reveal())).statusCode())
                .isEqualTo(404);
        assertThat(harness.send("GET", "/api/v1/connections", null, null, Optional.of(other.key().reveal())).body())
                .doesNotContain(harness.connection.id().value());
    }

    // ---- secrets ----

    @Test
    void no_token_api_key_or_authorization_value_appears_in_logs_answers_errors_or_the_database() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        List<Appender<ILoggingEvent>> detached = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        ListAppender<ILoggingEvent> captured = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                event.prepareForDeferredProcessing(); // the logging thread's context (MDC) now, as an encoder would take it
                super.append(event);
            }
        };
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        // as logback.xml ships it: Jetty's own DEBUG/TRACE dumps raw request bytes, so it stays at WARN whatever the root level
        Logger jetty = context.getLogger("org.eclipse.jetty");
        Level jettyLevel = jetty.getLevel();
        jetty.setLevel(Level.WARN);
        List<String> seen = new ArrayList<>();
        try {
            // flows that succeed, that fail in Confluence, and that are refused
            seen.add(harness.send("POST", "/api/v1/connections", "{\"name\":\"second\",\"siteUrl\":\"" + sandbox.baseUrl()
                    + "\",\"email\":\"ada@example.com\",\"apiToken\":\"ada-token\"}").body());
            seen.add(harness.send("POST", "/api/v1/connections", "{\"name\":\"wrong\",\"siteUrl\":\"" + sandbox.baseUrl()
                    + "\",\"email\":\"ada@example.com\",\"apiToken\":\"ada-token-WRONG\"}").body());
            seen.add(harness.send("POST", harness.connectionPath() + "/runbooks", "{\"template\":\"customer-environment-runbook\","
                    + "\"spaceKey\":\"INFRA\",\"title\":\"Secret scan\",\"inputs\":{\"environment\":\"Secret scan\",\"customer\":\"C\","
                    + "\"status\":\"LIVE\"}}").body());
            seen.add(harness.send("GET", harness.connectionPath() + "/pages?spaceKey=INFRA&title=Secret%20scan", null).body());
            seen.add(harness.send("PUT", harness.connectionPath() + "/credentials", "{\"apiToken\":\"ada-token-ROTATED-BAD\"}").body());
            seen.add(harness.send("GET", "/metrics", null).body());
            sandbox.revokeToken("ada@example.com");
            seen.add(harness.send("GET", harness.connectionPath() + "/spaces", null).body());
            ConnectorException rejected = catchThrowableOfType(ConnectorException.class,
                    () -> harness.askel.publishRunbook().publish(harness.runbook("Secret scan 2")));
            assertThat(rejected.code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
            seen.add(rejected.getMessage());
            seen.add(String.valueOf(rejected.getCause()));
            for (Throwable t = rejected; t != null; t = t.getCause()) {
                seen.add(t.toString());
            }
        } finally {
            sandbox.setToken("ada@example.com", Harness.ADA_TOKEN);
            root.detachAppender(captured);
            detached.forEach(root::addAppender);
            root.setLevel(level);
            jetty.setLevel(jettyLevel);
        }
        for (ILoggingEvent event : captured.list) {
            seen.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            event.getMDCPropertyMap().values().forEach(seen::add);
        }
        seen.addAll(harness.everyCell());

        assertThat(captured.list).as("the capture saw the flows").isNotEmpty();
        String basic = Base64.getEncoder().encodeToString("ada@example.com:ada-token".getBytes(StandardCharsets.UTF_8));
        List<String> secrets = List.of("ada-token", basic, harness.apiKey(), harness.apiKey().substring(13), "ROTATED-BAD");
        for (String text : seen) {
            for (String secret : secrets) {
                assertThat(text).as("a log line, answer, error or database cell").doesNotContain(secret);
            }
        }
    }

    @Test
    void the_database_holds_the_token_encrypted_and_the_api_key_hashed() {
        List<String> connectionCells = harness.everyCell().stream().filter(c -> c.startsWith("connection:")
                || c.startsWith("CONNECTION:")).toList();
        assertThat(connectionCells).isNotEmpty().noneMatch(c -> c.contains("ada-token"));
        assertThat(harness.everyCell()).noneMatch(c -> c.contains(harness.apiKey().substring(13)));
    }

    // ---- storage format from templates ----

    static Stream<String> hostileValues() {
        return Stream.of("<script>alert(1)</script>", "</p><ac:structured-macro ac:name=\"html\"><ac:plain-text-body><![CDATA[<img src=x "
                        + "onerror=alert(1)>]]></ac:plain-text-body></ac:structured-macro><p>",
                "]]><ac:structured-macro ac:name=\"include\"/>", "&lt;b&gt; &amp;nbsp; &#x3C;", "<ri:user ri:account-id=\"x\"/>",
                "{html}<b>x</b>{html}", "\" onmouseover=\"alert(1)", "<![CDATA[x]]>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
                "javascript:alert(1)", "<at:var at:name=\"x\"/>", "\u202Eevil");
    }

    /** Through the whole publish path: the page Confluence stores has the same elements as with a harmless value. */
    @ParameterizedTest(name = "every input = {0}")
    @MethodSource("hostileValues")
    void no_input_value_injects_markup_or_macros_into_the_published_page(String hostile) {
        String benignBody = publishedBody("Injection baseline", "harmless");
        String hostileBody = publishedBody("Injection " + Integer.toHexString(hostile.hashCode()), hostile);

        assertThat(tags(hostileBody)).as(hostileBody).isEqualTo(tags(benignBody));
        assertThat(hostileBody).doesNotContain("<ac:structured-macro ac:name=\"html\"").doesNotContain("<ac:structured-macro ac:name=\"include\"")
                .doesNotContain("<script");
        assertThat(hostileBody.split("<!\\[CDATA\\[", -1)).as("no CDATA section opened by a value").hasSameSizeAs(benignBody.split("<!\\[CDATA\\[", -1));
    }

    /** A Markdown page body holding the value in every context: converted locally, stored with the benign body's elements. */
    @ParameterizedTest(name = "markdown body with {0}")
    @MethodSource("hostileValues")
    void no_value_in_a_markdown_body_injects_markup_or_macros_into_the_stored_page(String hostile) {
        String benignBody = markdownPage("Markdown baseline " + Integer.toHexString(hostile.hashCode()), "harmless");
        String hostileBody = markdownPage("Markdown " + Integer.toHexString(hostile.hashCode()), hostile);

        assertThat(tags(withoutCdata(hostileBody))).as(hostileBody).isEqualTo(tags(withoutCdata(benignBody)));
        assertThat(hostileBody.replaceAll("(?s)<!\\[CDATA\\[.*?]]>", "")).as("outside code blocks").doesNotContain("<ac:structured-macro ac:name=\"html\"").doesNotContain("<ac:structured-macro ac:name=\"include\"")
                .doesNotContain("<script").doesNotContain("<ri:user").doesNotContain("<at:var");
    }

    /** The body without its CDATA sections' contents (code is text there, whatever characters it holds). */
    private static String withoutCdata(String storage) {
        return storage.replaceAll("(?s)<!\\[CDATA\\[.*?]]>", "");
    }

    private static String markdownPage(String title, String value) {
        String markdown = ("# Heading %1$s%n%nText %1$s and *emphasis %1$s* and `code %1$s`.%n%n| Name | Value |%n| --- | --- |%n"
                + "| %1$s | **%1$s** |%n%n```bash%n%1$s%n```%n%n> [!NOTE] Title %1$s%n> Panel %1$s%n%n- [ ] task %1$s%n- [x] done %1$s%n%n"
                + "1. step %1$s%n").formatted(value);
        var ref = harness.runbook(title).ref();
        var page = harness.askel.createPage().create(new ai.askel.confluence.ports.in.CreatePageCommand(ref,
                ai.askel.confluence.domain.SpaceKey.of("INFRA"), ai.askel.confluence.domain.Title.of(title), java.util.Optional.empty(),
                ai.askel.confluence.domain.PageBody.markdown(markdown), java.util.Set.of()));
        return sandbox.findPage(page.id().value()).orElseThrow().storage();
    }

    private static String publishedBody(String title, String value) {
        java.util.Map<String, Object> inputs = new java.util.LinkedHashMap<>(Harness.inputs(title).values());
        inputs.replaceAll((name, v) -> name.equals("environment") || name.equals("status") || name.equals("architectureDiagram") ? v
                : v instanceof String ? value : v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String ? List.of(value, value)
                : v instanceof List<?> rows ? rows.stream().map(r -> {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) r);
                    row.replaceAll((k, x) -> k.equals("url") ? "https://ok.example/" + Integer.toHexString(value.hashCode()) : value);
                    return row;
                }).toList() : v);
        var command = harness.runbook(title);
        var publish = new ai.askel.confluence.ports.in.PublishRunbookCommand(command.ref(), command.space(), command.parentTitle(),
                command.title(), ((ai.askel.confluence.domain.PublishSource.FromTemplate) command.source()).templateId(),
                new ai.askel.confluence.domain.TemplateInputs(inputs), command.labels(),
                command.attachments(), command.onDrift(), false);
        String pageId = harness.askel.publishRunbook().publish(publish).pageId().orElseThrow().value();
        return sandbox.findPage(pageId).orElseThrow().storage();
    }

    /** The element structure of a storage body: every start and end tag name, in order. */
    private static List<String> tags(String storage) {
        List<String> tags = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(/?[A-Za-z][A-Za-z0-9:-]*)").matcher(storage);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }

    @Test
    void the_shipped_logging_configuration_keeps_jetty_wire_logs_off_at_any_root_level() {
        String level = System.getProperty("ASKEL_LOG_LEVEL");
        System.setProperty("ASKEL_LOG_LEVEL", "TRACE");
        try {
            LoggerContext shipped = new LoggerContext();
            assertThat(new ConsoleLogging().configure(shipped)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

            assertThat(shipped.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.TRACE);
            assertThat(shipped.getLogger("org.eclipse.jetty.server.HttpChannel").getEffectiveLevel()).isEqualTo(Level.WARN);
        } finally {
            if (level == null) {
                System.clearProperty("ASKEL_LOG_LEVEL");
            } else {
                System.setProperty("ASKEL_LOG_LEVEL", level);
            }
        }
    }
}
