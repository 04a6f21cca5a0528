package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's publish form: a diagram chosen for a preview is kept for the publish of that same preview only (the
 * form carries its token and the target it was previewed for), and never goes to another page, space or connection.
 */
class ConsolePublishTest {
    private static final Pattern STAGED = Pattern.compile("name=\"staged\" value=\"([^\"]+)\"");
    private static final byte[] PNG = "customer A's architecture".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path uploads;

    private TestServer api;
    private ConsoleClient.Session session;
    private String connection;

    private void start() throws IOException, InterruptedException {
        api = new TestServer(HttpServerSettings.defaults().withPort(0).withUploadDirectory(uploads));
        connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Customer A").id().value();
        session = new ConsoleClient(api).signIn(FakeConnector.WRITE_KEY_A);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void a_diagram_previewed_for_one_runbook_is_not_attached_to_a_later_publish_of_another() throws Exception {
        start();
        preview("Customer A prod", connection);

        HttpResponse<String> published = submit("publish", "Customer B prod", connection, List.of());

        assertThat(published.statusCode()).as("%s", published.body()).isEqualTo(200);
        assertThat(lastPublish().title().value()).isEqualTo("Customer B prod");
        assertThat(lastPublish().attachments()).isEmpty();
        assertThat(published.body()).doesNotContain("custA.png");
    }

    @Test
    void the_preview_form_names_the_staged_diagram_and_its_publish_attaches_it() throws Exception {
        start();
        HttpResponse<String> preview = preview("Customer A prod", connection);
        String token = stagedToken(preview.body());

        HttpResponse<String> published = submit("publish", "Customer A prod", connection, List.of(Map.entry("staged", token)));

        assertThat(preview.body()).contains("id=\"staged-diagram\">custA.png<").contains("name=\"dropStaged\"");
        assertThat(published.statusCode()).as("%s", published.body()).isEqualTo(200);
        assertThat(lastPublish().attachments()).extracting(AttachmentUpload::fileName).containsExactly("custA.png");
        assertThat(submit("publish", "Customer A prod", connection, List.of(Map.entry("staged", token))).statusCode())
                .as("a staged file is used once").isEqualTo(422);
    }

    @Test
    void a_staged_diagram_is_refused_for_another_title_space_or_connection_and_nothing_is_published() throws Exception {
        start();
        String other = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Customer B").id().value();
        String token = stagedToken(preview("Customer A prod", connection).body());
        long publishesBefore = api.fake.callsOf(PublishRunbookCommand.class);

        HttpResponse<String> otherTitle = submit("publish", "Customer B prod", connection, List.of(Map.entry("staged", token)));
        HttpResponse<String> otherConnection = submit("publish", "Customer A prod", other, List.of(Map.entry("staged", token)));
        HttpResponse<String> otherSpace = session.postMultipart("/console/publish", fields("publish", "Customer A prod", connection, "OPS",
                List.of(Map.entry("staged", token))), List.of());

        assertThat(List.of(otherTitle, otherConnection, otherSpace)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body()).contains("custA.png").contains("previewed for");
        });
        assertThat(api.fake.callsOf(PublishRunbookCommand.class)).isEqualTo(publishesBefore);
    }

    @Test
    void a_dropped_staged_diagram_is_not_attached_and_its_file_is_deleted() throws Exception {
        start();
        String token = stagedToken(preview("Customer A prod", connection).body());

        HttpResponse<String> published = submit("publish", "Customer A prod", connection,
                List.of(Map.entry("staged", token), Map.entry("dropStaged", "true")));

        assertThat(published.statusCode()).as("%s", published.body()).isEqualTo(200);
        assertThat(lastPublish().attachments()).isEmpty();
        assertThat(filesIn(uploads)).isEmpty();
    }

    @Test
    void a_staged_diagram_is_kept_in_the_configured_upload_directory() throws Exception {
        start();

        preview("Customer A prod", connection);

        assertThat(filesIn(uploads)).hasSize(1).allSatisfy(file -> assertThat(Files.readAllBytes(file)).isEqualTo(PNG));
    }

    private HttpResponse<String> preview(String title, String connectionId) throws IOException, InterruptedException {
        HttpResponse<String> preview = session.postMultipart("/console/publish", fields("preview", title, connectionId, "INFRA", List.of()),
                List.of(new ConsoleClient.FormFile("diagram", "custA.png", "image/png", PNG)));
        assertThat(preview.statusCode()).as("%s", preview.body()).isEqualTo(200);
        return preview;
    }

    private HttpResponse<String> submit(String action, String title, String connectionId, List<Map.Entry<String, String>> extra)
            throws IOException, InterruptedException {
        return session.postMultipart("/console/publish", fields(action, title, connectionId, "INFRA", extra), List.of());
    }

    private static List<Map.Entry<String, String>> fields(String action, String title, String connectionId, String space,
                                                          List<Map.Entry<String, String>> extra) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("template", "customer-environment"),
                Map.entry("connection", connectionId), Map.entry("space", space), Map.entry("title", title),
                Map.entry("in.customer", "Cust"), Map.entry("action", action)));
        fields.addAll(extra);
        return fields;
    }

    private PublishRunbookCommand lastPublish() {
        synchronized (api.fake) {
            return api.fake.calls.stream().filter(PublishRunbookCommand.class::isInstance).map(PublishRunbookCommand.class::cast)
                    .reduce((first, second) -> second).orElseThrow();
        }
    }

    private static String stagedToken(String html) {
        Matcher m = STAGED.matcher(html);
        assertThat(m.find()).as("the preview's form carries its staged file in %s", html).isTrue();
        return m.group(1);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
