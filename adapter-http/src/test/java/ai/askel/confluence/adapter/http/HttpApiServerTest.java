package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiServerTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final TestServer api = new TestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    private static Set<String> documentedOperations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    @Test
    void warming_up_leaves_no_thread_running_and_a_server_starts_as_before() {
        Set<String> before = threadNames();

        HttpApiServer.warmUp();
        HttpApiServer.warmUp();

        assertThat(threadNames()).as("no thread of its own left running").isSubsetOf(before);
        assertThat(api.get("/health/live", null).status()).as("a server starts as before").isEqualTo(200);
    }

    private static Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        return names;
    }

    @Test
    void the_openapi_document_describes_exactly_the_routes_registered() {
        JsonNode document = api.get("/openapi.json", null).json();

        Set<String> registered = new TreeSet<>();
        api.server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));

        assertThat(documentedOperations(document)).isEqualTo(registered);
    }

    @Test
    void every_documented_operation_is_served_by_a_route_and_secured_as_documented() {
        JsonNode document = api.get("/openapi.json", null).json();

        for (String operation : documentedOperations(document)) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = template.replace("{connectionId}", "6f1d2c3b-0000-4000-8000-000000000001").replace("{pageId}", "1")
                    .replace("{runbookId}", "6f1d2c3b-0000-4000-8000-000000000002").replace("{label}", "ops")
                    .replace("{workspaceId}", "6f1d2c3b-0000-4000-8000-000000000003").replace("{keyId}", "k")
                    .replace("{findingId}", "41")
                    .replace("{jobId}", "6f1d2c3b-0000-4000-8000-000000000004");
            TestServer.Answer answer = api.send(api.request(path, null).method(method, HttpRequest.BodyPublishers.noBody()).build());

            JsonNode spec = document.get("paths").get(template).get(method.toLowerCase());
            boolean open = spec.has("security") && spec.get("security").isEmpty();
            if (open) {
                assertThat(answer.status()).as(operation).isIn(200, 503);
            } else {
                assertThat(answer.status()).as(operation + " without a key").isEqualTo(401);
            }
            assertThat(spec.get("responses").size()).as(operation).isPositive();
        }
    }

    @Test
    void every_problem_response_and_route_parameter_is_documented() {
        JsonNode document = api.get("/openapi.json", null).json();

        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            Set<String> declared = new TreeSet<>();
            op.getValue().get("parameters").forEach(p -> {
                if (p.get("in").asText().equals("path")) {
                    declared.add(p.get("name").asText());
                }
            });
            Set<String> inTemplate = new TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            assertThat(declared).as(op.getKey() + " " + path.getKey()).isEqualTo(inTemplate);
        }));
        assertThat(document.get("components").get("schemas").get("Problem").get("required").toString())
                .contains("type", "title", "status", "detail", "instance", "code");
    }

    @Test
    void a_port_in_use_fails_the_start_with_a_plain_exception() {
        int taken = api.server.port();

        assertThatThrownBy(() -> new TestServer(HttpServerSettings.defaults().withPort(taken)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + taken);
    }

    @Test
    void the_server_binds_the_configured_host_and_frees_the_port_when_closed() throws Exception {
        int port = api.server.port();
        assertThat(port).isPositive();
        assertThatThrownBy(() -> api.server.start()).isInstanceOf(IllegalStateException.class);

        api.close();

        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        assertThatThrownBy(api.server::port).isInstanceOf(IllegalStateException.class);
    }
}
