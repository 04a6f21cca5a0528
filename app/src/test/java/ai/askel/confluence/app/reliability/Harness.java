package ai.askel.confluence.app.reliability;

import ai.askel.confluence.app.AskelHttpApi;
import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.RequestLog;
import ai.askel.confluence.sandbox.SandboxPage;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.in.PublishResult;
import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connector (embedded H2 in a temp directory, or a given PostgreSQL) against a sandbox, with
 * Ada's connection registered, an optional HTTP server with an API key, and the checks the
 * reliability tests share: Confluence writes from the sandbox's request log, rows from the database.
 */
public final class Harness implements AutoCloseable {
    public static final String PAGES = "POST /wiki/api/v2/pages";
    public static final String LABELS = "POST /wiki/rest/api/content/{id}/label";
    /** A first publish adds its files create-only (POST): racing publishers make one version. */
    public static final String ATTACH = "POST /wiki/rest/api/content/{id}/child/attachment";
    public static final String ADA_TOKEN = "ada-token";
    public static final String DIAGRAM = "architecture.png";
    public static final byte[] DIAGRAM_BYTES = "\u0089PNG fake diagram bytes".getBytes(StandardCharsets.ISO_8859_1);

    public final ConfluenceSandbox sandbox;
    public final AskelConfluence askel;
    public final Connection connection;
    public final ConnectionRef ref;
    private final Path dataDirectory;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private HttpApiServer server;
    private String apiKey;
    private final AtomicLong requests = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Harness(ConfluenceSandbox sandbox, String site, Path dataDirectory, AskelConfluence askel, String jdbcUrl, String dbUser, String dbPassword,
                    boolean register) {
        this.sandbox = sandbox;
        this.askel = askel;
        this.dataDirectory = dataDirectory;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.connection = register ? askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT,
                "crestview", site, "ada@example.com", Secret.of(ADA_TOKEN, "apiToken"), Optional.empty(),
                Optional.empty())) : askel.listConnections().list(WorkspaceIds.DEFAULT).get(0);
        this.ref = askel.defaultWorkspace().connection(connection.id());
    }

    /** Fast failure settings: a short timeout and short retry waits keep fault tests quick. */
    public static Map<Setting, String> fastSettings() {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.CONFLUENCE_TIMEOUT, "PT2S");
        settings.put(Setting.CONFLUENCE_MAX_RETRY_WAIT, "PT0.05S");
        settings.put(Setting.HTTP_PORT, "0");
        return settings;
    }

    public static Harness embedded(ConfluenceSandbox sandbox, Path dataDir, Map<Setting, String> settings) {
        return embedded(sandbox, dataDir, settings, true);
    }

    public static Harness embedded(ConfluenceSandbox sandbox, Path dataDir, Map<Setting, String> settings, boolean register) {
        return embedded(sandbox, sandbox.baseUrl(), dataDir, settings, register);
    }

    /** A connector whose connection's site is {@code site} (a proxy in front of the sandbox). */
    public static Harness embedded(ConfluenceSandbox sandbox, String site, Path dataDir, Map<Setting, String> settings, boolean register) {
        AskelConfluence.Builder builder = AskelConfluence.builder().dataDirectory(dataDir).allowSiteOrigin(site);
        settings.forEach(builder::set);
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("askel") + ";DB_CLOSE_ON_EXIT=FALSE";
        return new Harness(sandbox, site, dataDir, builder.build(), url, "", "", register);
    }

    public static Harness postgres(ConfluenceSandbox sandbox, Path dataDir, String jdbcUrl, String user, String password, String masterKey,
                            boolean register) {
        AskelConfluence.Builder builder = AskelConfluence.builder().dataDirectory(dataDir).database(jdbcUrl, user, password)
                .masterKeyBase64(masterKey).allowSiteOrigin(sandbox.baseUrl());
        fastSettings().forEach(builder::set);
        return new Harness(sandbox, sandbox.baseUrl(), dataDir, builder.build(), jdbcUrl, user, password, register);
    }

    // ---- HTTP ----

    public Harness startHttp() {
        server = AskelHttpApi.server(askel).start();
        apiKey = askel.manageApiKeys().create(WorkspaceIds.DEFAULT, "reliability").key().reveal();
        return this;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String apiKey() {
        return apiKey;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public String connectionPath() {
        return "/api/v1/connections/" + connection.id().value();
    }

    public HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, "application/json", Optional.of(apiKey));
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType, Optional<String> key) {
        // each request has its own id, so that an answer belonging to another request cannot pass for this one's
        String id = "harness-" + requests.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).header("X-Request-Id", id);
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return requireAnswerTo(id, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The response, if it answers the request sent with {@code X-Request-Id: id}; an answer the server gave to another
     * request (read off a connection out of turn) fails the test. An answer Jetty gives by itself (a 503 while
     * stopping) has no id and passes.
     */
    public static HttpResponse<String> requireAnswerTo(String id, HttpResponse<String> response) {
        String answered = response.headers().firstValue("X-Request-Id").orElse(id);
        if (!answered.equals(id)) {
            throw new AssertionError("request " + id + " (" + response.request().method() + " " + response.request().uri()
                    + ") got the answer to request " + answered + ": " + response.statusCode() + " " + response.headers().map() + " "
                    + response.body());
        }
        return response;
    }

    /**
     * A request over a raw socket whose body is written by another thread, so the answer of a server
     * that refuses the body part-way (413) is read even though it stops reading. Answers status and body.
     */
    public String[] sendRaw(String method, String path, String contentType, byte[] body) throws IOException, InterruptedException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + apiKey
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(body);
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // the server stopped reading: expected for a refused body
                }
            });
            writer.start();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join(5_000);
            int status = Integer.parseInt(answer.substring(9, 12));
            int split = answer.indexOf("\r\n\r\n");
            return new String[] {String.valueOf(status), split < 0 ? "" : answer.substring(split + 4), answer.substring(0, Math.max(split, 0))};
        }
    }

    // ---- the runbook ----

    public PublishRunbookCommand runbook(String title) {
        return runbook(ref, title);
    }

    public static PublishRunbookCommand runbook(ConnectionRef ref, String title) {
        return new PublishRunbookCommand(ref, SpaceKey.of("INFRA"), Optional.empty(), Title.of(title), "customer-environment-runbook",
                inputs(title), Optional.empty(),
                List.of(new AttachmentUpload(DIAGRAM, "image/png", DIAGRAM_BYTES.length, () -> new ByteArrayInputStream(DIAGRAM_BYTES),
                        Optional.of("Architecture"), true)),
                DriftPolicy.FAIL, false);
    }

    public static TemplateInputs inputs(String environment) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", environment);
        inputs.put("customer", "Crestview Health");
        inputs.put("status", "LIVE");
        inputs.put("regions", List.of("eu-west-1"));
        inputs.put("endpoints", List.of(Map.of("name", "Public API", "url", "https://api.crestview.example", "notes", "WAF")));
        inputs.put("credentialsLocation", "vault: secret/customers/crestview/prod");
        inputs.put("maintenanceWindow", "Sundays 02:00-04:00 UTC");
        inputs.put("maintenanceProcedure", List.of("Drain traffic", "Upgrade", "Restore traffic"));
        inputs.put("escalationContacts", List.of(Map.of("name", "Ada Lovelace", "role", "On-call lead", "contact", "ada@example.com",
                "hours", "24/7")));
        inputs.put("architectureDiagram", DIAGRAM);
        inputs.put("notes", "Read-only during the window.");
        return new TemplateInputs(inputs);
    }

    // ---- what reached Confluence ----

    /** Requests other than GET that Confluence answered (any status) since the last reset. */
    public List<RequestLog.Entry> writes() {
        return sandbox.requestLog().recent().stream().filter(e -> !e.method().equals("GET")).toList();
    }

    /** Successful requests to the endpoint ("METHOD /route/template"). */
    public long succeeded(String endpoint) {
        return sandbox.requestLog().recent().stream()
                .filter(e -> e.endpoint().equals(endpoint))
                .filter(e -> e.status() >= 200 && e.status() < 300).count();
    }

    /** The runbook page exists once with its labels and one upload of the diagram, and publishing again writes nothing. */
    public void assertPublishedOnce(String title, PageId pageId) {
        assertThat(sandbox.findPageId("INFRA", title)).contains(pageId.value());
        SandboxPage page = sandbox.findPage(pageId.value()).orElseThrow();
        assertThat(page.labels()).contains("customer-runbook");
        assertThat(page.attachments()).containsExactly(Harness.DIAGRAM);
        assertThat(count(ATTACH, 200)).as("the diagram is uploaded once (a second upload would add a version): %s",
                sandbox.requestLog().recent().stream().map(e -> e.status() + " " + e.method() + " " + e.path()).toList()).isEqualTo(1);
        assertThat(count(PAGES, 200)).as("successful creates: the runbook page (and at most the parent)").isBetween(1L, 2L);
        assertThat(page.labels()).as("each label once").doesNotHaveDuplicates();
        assertThat(count(LABELS, 200)).as("labels are added by one successful call (a second after a lost answer is harmless)")
                .isBetween(1L, 2L);
        // and a publish now writes nothing
        sandbox.resetCounters();
        PublishResult again = askel.publishRunbook().publish(runbook(title));
        assertThat(again.pageId()).contains(pageId);
        assertThat(writes()).isEmpty();
    }

    public long count(String endpoint, int status) {
        return sandbox.requestLog().recent().stream().filter(e -> e.endpoint().equals(endpoint) && e.status() == status).count();
    }

    // ---- the database ----

    public long rows(String table) {
        return query("SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).get(0);
    }

    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String sql, RowReader<T> reader) {
        try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(reader.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every text value of every column of every table of the connector's schema, one string per cell. */
    public List<String> everyCell() {
        List<String> tables = tables();
        List<String> cells = new ArrayList<>();
        for (String table : tables) {
            cells.addAll(query("SELECT * FROM \"" + table + "\"", rs -> {
                StringBuilder row = new StringBuilder(table).append(':');
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value))
                            .append('|');
                }
                return row.toString();
            }));
        }
        return cells;
    }

    /** Row count of a table named exactly as the database reports it. */
    public long rowsOf(String exactName) {
        return query("SELECT COUNT(*) FROM \"" + exactName + "\"", rs -> rs.getLong(1)).get(0);
    }

    public List<String> tables() {
        return query("SELECT table_name FROM information_schema.tables WHERE lower(table_schema) = 'public'"
                + " AND table_type IN ('BASE TABLE', 'TABLE')", rs -> rs.getString(1));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        askel.close();
    }
}
