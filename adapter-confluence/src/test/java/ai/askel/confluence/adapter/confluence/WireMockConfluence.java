package ai.askel.confluence.adapter.confluence;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.CloudId;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A WireMock Confluence and the real adapters wired to it, with tiny waits so retries stay fast.
 * After every test, every request the adapter sent is checked against Atlassian's OpenAPI documents.
 */
abstract class WireMockConfluence {
    static final String EMAIL = "ops@example.com";
    static final String TOKEN = "ATATT3xFfGF0-secret-token";
    static final String CLOUD_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    final RecordingObserver observer = new RecordingObserver();
    /** Every pause the adapter took (retries and pacing): recorded, not waited, and added to the adapter's clock. */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong slept = new java.util.concurrent.atomic.AtomicLong();
    final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    ConfluenceClientSettings settings;
    ConfluenceClients clients;
    ConfluenceAccess access;

    ConfluenceSpacesAdapter spaces;
    ConfluencePagesAdapter pages;
    ConfluenceSearchAdapter search;
    ConfluenceLabelsAdapter labels;
    ConfluenceAttachmentsAdapter attachments;
    ConfluenceUsersAdapter users;
    ConfluencePermissionsAdapter permissions;

    @BeforeEach
    void wireAdapters() {
        settings = new ConfluenceClientSettings(URI.create(wm.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5), 4,
                Duration.ofMillis(10), Duration.ofMillis(200), 10, Duration.ofMillis(150), 10L * 1024 * 1024);
        rewire(settings);
        access = siteAccess(TOKEN);
    }

    void rewire(ConfluenceClientSettings newSettings) {
        settings = newSettings;
        clients = new ConfluenceClients(settings, observer, ConfluenceAdapterModule.newMapper(), registry, d -> {
            sleeps.add(d);
            slept.addAndGet(d.toNanos());
        }, () -> System.nanoTime() + slept.get());
        SpaceDirectory directory = new SpaceDirectory(clients);
        PageLabelReader labelReader = new PageLabelReader(clients);
        spaces = new ConfluenceSpacesAdapter(clients, directory);
        pages = new ConfluencePagesAdapter(clients, directory, labelReader);
        search = new ConfluenceSearchAdapter(clients);
        labels = new ConfluenceLabelsAdapter(clients, labelReader);
        attachments = new ConfluenceAttachmentsAdapter(clients);
        users = new ConfluenceUsersAdapter(clients);
        permissions = new ConfluencePermissionsAdapter(clients);
    }

    static ConfluenceAccess siteAccess(String token) {
        SiteUrl site = SiteUrl.parse(wm.baseUrl(), List.of(wm.baseUrl()));
        return new ConfluenceAccess(ConnectionId.of("3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e"), site, Optional.empty(),
                EmailAddress.of(EMAIL), Secret.of(token, "apiToken"));
    }

    /** A scoped-token connection: the site is the real one, calls go through the (WireMock) gateway. */
    static ConfluenceAccess gatewayAccess() {
        SiteUrl site = SiteUrl.parse("https://acme.atlassian.net", List.of());
        return new ConfluenceAccess(ConnectionId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7"), site, Optional.of(new CloudId(CLOUD_ID)),
                EmailAddress.of(EMAIL), Secret.of(TOKEN, "apiToken"));
    }

    @AfterEach
    void everyRequestMatchesAtlassiansOpenApi() {
        List<String> problems = wm.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .flatMap(r -> OpenApiRequestValidator.get().problems(r).stream())
                .toList();
        assertThat(problems).as("requests that break Atlassian's OpenAPI documents").isEmpty();
    }
}
