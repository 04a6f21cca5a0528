package ai.askel.confluence.benchmarks;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: reading one page through the connector versus the same GET made with the bare JDK HttpClient,
 * against the same local sandbox.
 */
@State(Scope.Benchmark)
public class ReadPageBenchmark {
    private ConfluenceSandbox sandbox;
    private Connector connector;
    private ConnectionRef ref;
    private PageId pageId;
    private HttpClient http;
    private HttpRequest request;

    @Setup(Level.Trial)
    public void start() {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        String body = "<h1>Runbook</h1>" + "<p>A paragraph of a typical runbook page, with <strong>some</strong> markup.</p>".repeat(40);
        String id = sandbox.createPage("INFRA", "Benchmark page", body, "ada@example.com");
        sandbox.addLabels(id, "runbook", "customer-runbook", "auto-generated");
        connector = Connector.open(sandbox.baseUrl());
        ref = connector.connect("jmh", sandbox.baseUrl(), "ada@example.com", "ada-token");
        pageId = PageId.of(id);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/wiki/api/v2/pages/" + id + "?body-format=storage&include-labels=true"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ada@example.com:ada-token".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        connector.close();
        sandbox.close();
    }

    @Benchmark
    public Page connector() {
        return connector.askel().readPage().read(ref, pageId);
    }

    @Benchmark
    public String bareJdkHttpClient() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + response.statusCode());
        }
        return response.body();
    }
}
