package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the adapter logs: method, route template, status and duration; never a key, a token or a body. */
class RequestLoggingTest {
    private final Logger adapterLogger = (Logger) LoggerFactory.getLogger("ai.askel.confluence.adapter.http");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // takes the logging thread's context (MDC) now, as an encoder would
            super.append(event);
        }
    };
    private Level previous;
    private TestServer api;

    @BeforeEach
    void capture() {
        previous = adapterLogger.getLevel();
        adapterLogger.setLevel(Level.ALL);
        adapterLogger.setAdditive(false); // captured here, not printed into the build output
        events.start();
        adapterLogger.addAppender(events);
        api = new TestServer();
    }

    @AfterEach
    void release() {
        api.close();
        adapterLogger.detachAppender(events);
        adapterLogger.setAdditive(true);
        adapterLogger.setLevel(previous);
    }

    private List<String> logged() {
        return events.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
    }

    @Test
    void each_request_is_logged_with_method_route_template_status_and_duration() {
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");

        api.get("/api/v1/connections/" + connection.id());

        assertThat(logged()).anyMatch(line -> line.matches("GET /api/v1/connections/\\{connectionId} 200 \\d+ms"));
    }

    @Test
    void the_access_line_and_every_line_logged_while_serving_carry_the_request_id_of_the_answer() {
        api.fake.failNextWith(new IllegalStateException("boom"));

        TestServer.Answer answer = api.send(api.request("/api/v1/connections", FakeConnector.KEY_A).setHeader("X-Request-Id", "support-1234").GET().build());

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.header("X-Request-Id")).isEqualTo("support-1234");
        ILoggingEvent failure = events.list.stream().filter(e -> e.getFormattedMessage().contains("failed unexpectedly")).findFirst().orElseThrow();
        ILoggingEvent access = events.list.stream().filter(e -> e.getFormattedMessage().matches("GET /api/v1/connections 500 \\d+ms"))
                .findFirst().orElseThrow();
        assertThat(List.of(failure, access)).allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "support-1234"));
    }

    @Test
    void the_watchdog_that_cuts_off_a_body_too_slow_to_arrive_names_the_request() throws Exception {
        api.close();
        HttpServerSettings defaults = HttpServerSettings.defaults();
        api = new TestServer(defaults.withPort(0).withBounds(defaults.requestDeadline(), Duration.ofMillis(300), defaults.maxThreads(),
                defaults.reservedThreads()));
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            // 20 bytes announced, 2 sent: the body never arrives whole
            socket.getOutputStream().write(("POST /api/v1/connections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + FakeConnector.KEY_A
                    + "\r\nX-Request-Id: slow-1\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{\"").getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes(); // until the watchdog closes the connection
        }

        ILoggingEvent cutOff = events.list.stream().filter(e -> e.getFormattedMessage().startsWith("closing a connection whose request body"))
                .findFirst().orElseThrow();
        assertThat(cutOff.getMDCPropertyMap()).containsEntry("requestId", "slow-1");
    }

    @Test
    void keys_tokens_and_bodies_never_reach_the_log_even_when_a_request_fails() {
        api.post("/api/v1/connections", """
                {"name": "Acme", "siteUrl": "https://acme.atlassian.net", "email": "ops@acme.example", "apiToken": "ATATT-very-secret"}""");
        api.fake.failNextWith(new IllegalStateException("boom"));
        api.post("/api/v1/connections", """
                {"name": "Acme", "siteUrl": "https://acme.atlassian.net", "email": "ops@acme.example", "apiToken": "ATATT-very-secret"}""");
        api.get("/api/v1/connections", FakeConnector.REVOKED_KEY);

        assertThat(logged()).isNotEmpty();
        assertThat(logged()).noneMatch(line -> line.contains("ATATT-very-secret"))
                .noneMatch(line -> line.contains(FakeConnector.KEY_A))
                .noneMatch(line -> line.contains(FakeConnector.REVOKED_KEY))
                .noneMatch(line -> line.contains("ops@acme.example"));
        assertThat(logged()).anyMatch(line -> line.contains("POST /api/v1/connections failed unexpectedly: java.lang.IllegalStateException"));
    }
}
