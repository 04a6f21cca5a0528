package ai.askel.confluence.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers spoiled on the way back, after Confluence did the work: an answer later than the
 * connector's timeout, a truncated JSON body, an HTML gateway page with status 200. The publish
 * completes or fails with a typed error naming the problem; the next publish completes with one
 * page, one label call and one upload.
 */
class SpoiledAnswersTest {
    private static final AtomicInteger TITLES = new AtomicInteger();
    private static ConfluenceSandbox sandbox;
    private static FaultyProxy proxy;
    private static Harness harness;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        proxy = new FaultyProxy(sandbox.baseUrl());
        harness = Harness.embedded(sandbox, proxy.baseUrl(), dir, Harness.fastSettings(), true);
    }

    @AfterAll
    static void stop() {
        harness.close();
        proxy.close();
        sandbox.close();
    }

    static Stream<Arguments> spoils() {
        return Stream.of(FaultyProxy.Spoil.values()).flatMap(spoil -> Stream.of(
                Arguments.of(spoil, "POST", "/wiki/api/v2/pages"),
                Arguments.of(spoil, "GET", "/wiki/api/v2/pages/\\d+"),
                Arguments.of(spoil, "POST", "/wiki/rest/api/content/\\d+/label"),
                Arguments.of(spoil, "POST", "/wiki/rest/api/content/\\d+/child/attachment")));
    }

    @ParameterizedTest(name = "{0} answer to {1} {2}")
    @MethodSource("spoils")
    void a_spoiled_answer_never_duplicates_a_page_label_or_upload(FaultyProxy.Spoil spoil, String method, String path) {
        String title = "Spoiled " + TITLES.incrementAndGet();
        sandbox.resetCounters();
        int before = proxy.spoiled.get();
        proxy.once(method, path, spoil, 2_600); // past the 2 s timeout of Harness.fastSettings()

        try {
            harness.askel.publishRunbook().publish(harness.runbook(title));
        } catch (ConnectorException e) {
            assertThat(e.code()).as(e.getMessage()).isIn(ErrorCode.CONFLUENCE_UNAVAILABLE, ErrorCode.CONFLUENCE_ERROR);
            assertThat(e.getMessage()).as("names what went wrong").containsAnyOf("Confluence", "confluence");
        }
        assertThat(proxy.spoiled.get()).as("the fault fired").isEqualTo(before + 1);
        PublishResult result = harness.askel.publishRunbook().publish(harness.runbook(title));

        harness.assertPublishedOnce(title, result.pageId().orElseThrow());
    }
}
