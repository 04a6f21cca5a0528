package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestPipelineTest {
    private static final String REGISTER = """
            {"name": "Acme", "siteUrl": "https://acme.atlassian.net", "email": "ops@acme.example", "apiToken": "tok-123"}""";

    private final TestServer api = new TestServer();
    private String base;

    @BeforeEach
    void connect() {
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        base = "/api/v1/connections/" + connection.id();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    // ---- request ids ----

    @Test
    void every_answer_names_its_request_with_an_id_of_its_own() {
        // requests without an id of their own, unlike the test server's
        List<TestServer.Answer> answers = Stream.of(get(base, FakeConnector.KEY_A), get(base, null), get("/api/v1/no-such-route", FakeConnector.KEY_A),
                get("/health/live", null), get("/console/sign-in", null), HttpRequest.newBuilder(api.uri("/health/live")).DELETE())
                .map(request -> api.send(request.build())).toList();

        assertThat(answers).extracting(TestServer.Answer::status).containsExactly(200, 401, 404, 200, 200, 405);
        List<String> ids = answers.stream().map(answer -> answer.header("X-Request-Id")).toList();
        assertThat(ids).allMatch(id -> id != null && id.matches("[0-9a-f]{32}"), "32 hex digits").doesNotHaveDuplicates();
    }

    @Test
    void a_well_formed_id_sent_by_the_caller_comes_back_and_any_other_is_replaced() {
        String longest = "a".repeat(64);
        for (String sent : List.of("req-42", "7f3a.b:cD-9", "0f8fad5b-d9cb-469f-a165-70867728950e", longest)) {
            assertThat(api.send(api.request(base, FakeConnector.KEY_A).setHeader("X-Request-Id", sent).GET().build()).header("X-Request-Id"))
                    .isEqualTo(sent);
        }
        for (String refused : List.of(longest + "a", "two words", "semi;colon", "", FakeConnector.KEY_A, FakeConnector.REVOKED_KEY)) {
            assertThat(api.send(api.request(base, FakeConnector.KEY_A).setHeader("X-Request-Id", refused).GET().build()).header("X-Request-Id"))
                    .as(refused).matches("[0-9a-f]{32}");
        }
    }

    private HttpRequest.Builder get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).GET();
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    // ---- authentication ----

    /**
     * Jetty keeps a cache of the header lines seen on a connection; matched without regard to case, it handed a later
     * request the earlier line: a key differing from an accepted one only in the case of some letters was accepted as
     * that key on the same keep-alive connection.
     */
    @Test
    void a_key_differing_only_in_case_from_one_accepted_earlier_on_the_same_connection_is_refused() throws IOException {
        String caseChanged = FakeConnector.KEY_A.substring(0, FakeConnector.KEY_A.length() - 1)
                + FakeConnector.KEY_A.substring(FakeConnector.KEY_A.length() - 1).toUpperCase(Locale.ROOT);
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket, FakeConnector.KEY_A)).startsWith("HTTP/1.1 200");
            assertThat(exchange(socket, FakeConnector.KEY_A)).startsWith("HTTP/1.1 200");

            assertThat(exchange(socket, caseChanged)).startsWith("HTTP/1.1 401");
            assertThat(exchange(socket, FakeConnector.KEY_A.toUpperCase(Locale.ROOT))).startsWith("HTTP/1.1 401");
        }
    }

    /** One GET of {@code base} on a kept-alive connection; answers the status line. */
    private String exchange(Socket socket, String key) throws IOException {
        socket.getOutputStream().write(("GET " + base + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return headers;
    }

    @Test
    void a_request_without_an_api_key_is_401_problem_with_www_authenticate() {
        TestServer.Answer answer = api.get("/api/v1/connections", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.json().get("detail").asText()).contains("missing");
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void malformed_json_is_located_but_never_quoted_back_as_it_may_hold_a_token() {
        String secret = "ATATT3xFfGF0secretTokenValue";
        for (String body : new String[] {
                "{\"name\": \"Acme\", \"apiToken\": " + secret + "}",
                "{\"name\": \"Acme\", \"apiToken\": \"" + secret}) {
            TestServer.Answer answer = api.post("/api/v1/connections", body);

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).doesNotContain("secretToken").contains("is not valid JSON at line 1, column");
        }
        TestServer.Answer early = api.post("/api/v1/connections", "{\"name\": \"Acme\"");
        assertThat(early.json().get("detail").asText()).contains("ends before the JSON is complete");
        TestServer.Answer batch = api.post(base + "/runbooks/batch", "[{\"x\": " + secret + "}]");
        assertThat(batch.body()).doesNotContain("secretToken");
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void a_malformed_authorization_header_is_401() {
        for (String header : new String[] {"Basic dXNlcjpwYXNz", "Bearer", "Bearer two words", FakeConnector.KEY_A}) {
            TestServer.Answer answer = api.send(api.request("/api/v1/connections", null).header("Authorization", header).GET().build());

            assertThat(answer.status()).as(header).isEqualTo(401);
            assertThat(answer.json().get("detail").asText()).as(header).contains("malformed");
        }
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void a_revoked_or_unknown_key_is_401_and_the_key_is_not_echoed() {
        TestServer.Answer answer = api.get("/api/v1/connections", FakeConnector.REVOKED_KEY);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.body()).doesNotContain(FakeConnector.REVOKED_KEY);
    }

    @Test
    void the_bearer_scheme_is_case_insensitive() {
        TestServer.Answer answer = api.send(api.request("/api/v1/connections", null)
                .header("Authorization", "bearer " + FakeConnector.KEY_A).GET().build());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void authentication_comes_before_the_body_is_judged() {
        TestServer.Answer answer = api.send(api.request("/api/v1/connections", null).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{")).build());

        assertThat(answer.status()).isEqualTo(401);
    }

    // ---- JSON bodies ----

    @Test
    void invalid_json_is_400_naming_the_position() {
        TestServer.Answer answer = api.post("/api/v1/connections", "{\n  \"name\": \"Acme\",\n  oops\n}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer.json().get("detail").asText()).contains("line 3, column");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        TestServer.Answer answer = api.post(base + "/pages", """
                {"spaceKey": "INFRA", "title": "T", "body": {"value": "<p/>", "colour": "red"}}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("body.colour");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isEqualTo("is not a known field");
    }

    @Test
    void a_field_of_the_wrong_type_is_400_naming_it() {
        TestServer.Answer answer = api.put(base + "/pages/1001", "{\"body\": {\"value\": \"<p/>\"}, \"baseVersion\": \"three\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("baseVersion");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("whole number");
    }

    @Test
    void an_empty_body_or_a_json_array_is_400() {
        assertThat(api.post("/api/v1/connections", "").status()).isEqualTo(400);
        TestServer.Answer array = api.post("/api/v1/connections", "[]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void a_json_body_with_another_content_type_is_415() {
        TestServer.Answer answer = api.send(api.request("/api/v1/connections", FakeConnector.KEY_A).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(REGISTER)).build());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("detail").asText()).contains("application/json").contains("text/plain");
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void a_charset_parameter_is_accepted() {
        TestServer.Answer answer = api.send(api.request("/api/v1/connections", FakeConnector.KEY_A)
                .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(REGISTER)).build());

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void a_body_over_5_mb_is_413_by_its_length() throws Exception {
        // Only the headers are sent: the answer must come from the declared length, without reading any body.
        // (A client that streams the body meanwhile races the early answer; a raw socket makes the test exact.)
        java.net.URI uri = api.uri(base + "/pages");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer "
                    + FakeConnector.KEY_A + "\r\nContent-Type: application/json\r\nContent-Length: " + (5 * 1024 * 1024 + 1)
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        }
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void a_chunked_body_over_5_mb_is_413_while_it_is_read() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        java.util.Collections.nCopies(90, chunk).stream().map(java.io.ByteArrayInputStream::new).toList())))
                        .subscribe(subscriber);
            }
        };

        TestServer.Answer answer = api.send(api.request(base + "/pages", FakeConnector.KEY_A).header("Content-Type", "application/json")
                .POST(chunked).build());

        assertThat(answer.status()).isEqualTo(413);
    }

    // ---- idempotency ----

    @Test
    void the_same_key_and_body_replays_the_stored_response_without_running_again() {
        TestServer.Answer first = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-1");
        TestServer.Answer second = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(api.fake.callsOf(RegisterConnectionCommand.class)).isEqualTo(1);
        assertThat(api.fake.stored(FakeConnector.WORKSPACE_A, "k-1")).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(201);
            assertThat(stored.body()).isEqualTo(first.body());
        });
    }

    @Test
    void the_same_key_with_another_body_is_422_idempotency_key_reused() {
        api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-2");

        TestServer.Answer answer = api.post("/api/v1/connections", REGISTER.replace("Acme", "Other"), "Idempotency-Key", "k-2");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.fake.callsOf(RegisterConnectionCommand.class)).isEqualTo(1);
    }

    @Test
    void the_same_key_on_another_path_is_another_request() {
        api.post(base + "/pages/1001/labels", "{\"labels\": [\"a\"]}", "Idempotency-Key", "k-3");

        TestServer.Answer answer = api.post(base + "/pages/1002/labels", "{\"labels\": [\"a\"]}", "Idempotency-Key", "k-3");

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void a_key_whose_first_request_is_still_running_is_409_conflict() {
        ContentHash sameRequest = ContentHash.of("POST", "/api/v1/connections",
                ContentHash.ofBytes(REGISTER.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex());
        api.fake.begin(FakeConnector.WORKSPACE_A, "k-4", sameRequest);

        TestServer.Answer answer = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-4");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(api.fake.callsOf(RegisterConnectionCommand.class)).isZero();
    }

    @Test
    void a_server_side_failure_releases_the_key_so_a_retry_runs() {
        api.fake.failNextWith(new ConfluenceUnavailableException("Confluence answered 503", "trace-503", null));

        TestServer.Answer failed = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-5");
        TestServer.Answer retried = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-5");

        assertThat(failed.status()).isEqualTo(503);
        assertThat(api.fake.released).containsExactly("k-5");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void an_unexpected_failure_releases_the_key_and_answers_a_generic_500() {
        api.fake.failNextWith(new IllegalStateException("secret internals: password=hunter2"));

        TestServer.Answer answer = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-6");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("code").asText()).isEqualTo("INTERNAL");
        assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at ai.askel");
        assertThat(api.fake.released).containsExactly("k-6");
    }

    @Test
    void an_error_thrown_by_a_handler_answers_problem_json_500_and_leaves_the_key_retryable() {
        api.fake.failNextWith(new StackOverflowError()); // a plugin's render recursing without end

        TestServer.Answer failed = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-err");
        TestServer.Answer retried = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-err");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.json().get("code").asText()).isEqualTo("INTERNAL");
        assertThat(failed.body()).doesNotContain("StackOverflowError");
        assertThat(api.fake.released).containsExactly("k-err");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void an_error_without_an_idempotency_key_answers_problem_json_500_too() {
        api.fake.failNextWith(new AssertionError("internal invariant"));

        TestServer.Answer failed = api.post("/api/v1/connections", REGISTER);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.body()).doesNotContain("invariant");
    }

    @Test
    void out_of_memory_releases_the_key_and_is_not_swallowed() {
        api.fake.failNextWith(new OutOfMemoryError("Java heap space"));

        TestServer.Answer failed = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-oom");

        assertThat(failed.status()).isEqualTo(500); // Jetty's own answer: the pipeline threw it on
        assertThat(api.fake.released).containsExactly("k-oom");
        assertThat(api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-oom").status()).isEqualTo(201);
    }

    @Test
    void a_running_request_renews_its_idempotency_claim_until_it_answers() throws Exception {
        api.fake.renewalInterval = java.time.Duration.ofMillis(20);
        api.fake.slowDown(java.time.Duration.ofMillis(250));

        TestServer.Answer answer = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-lease");
        int afterAnswer = api.fake.renewals.get();
        Thread.sleep(100);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(afterAnswer).as("renewals while the request ran").isGreaterThanOrEqualTo(3);
        assertThat(api.fake.renewals.get()).as("no renewal once it answered").isEqualTo(afterAnswer);
    }

    @Test
    void a_response_that_cannot_be_stored_is_still_answered_and_the_key_freed() {
        api.fake.failToComplete = true;

        TestServer.Answer answer = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-9");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(api.fake.released).containsExactly("k-9");
    }

    @Test
    void a_client_error_is_stored_and_replayed() {
        TestServer.Answer first = api.post("/api/v1/connections", "{\"name\": \"Acme\"}", "Idempotency-Key", "k-7");
        TestServer.Answer second = api.post("/api/v1/connections", "{\"name\": \"Acme\"}", "Idempotency-Key", "k-7");

        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(api.fake.released).isEmpty();
    }

    @Test
    void keys_are_scoped_to_the_workspace() {
        api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "k-8");

        TestServer.Answer other = api.send(TestServer.withHeaders(api.request("/api/v1/connections", FakeConnector.KEY_B),
                "Idempotency-Key", "k-8", "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REGISTER)).build());

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotency-Replayed")).isNull();
        assertThat(api.fake.callsOf(RegisterConnectionCommand.class)).isEqualTo(2);
    }

    @Test
    void an_unusable_idempotency_key_is_400() {
        TestServer.Answer answer = api.post("/api/v1/connections", REGISTER, "Idempotency-Key", "x".repeat(300));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        TestServer.Answer answer = api.get("/api/v1/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void a_path_that_exists_with_other_methods_is_a_405_problem_naming_the_method() {
        TestServer.Answer answer = api.send(api.request("/api/v1/connections", FakeConnector.WRITE_KEY_A)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(answer.json().get("detail").asText()).contains("PATCH").contains("/api/v1/connections");
    }
}
