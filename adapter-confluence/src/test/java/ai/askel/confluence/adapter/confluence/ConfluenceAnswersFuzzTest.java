package ai.askel.confluence.adapter.confluence;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluencePermissionsPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.spec.ConfluenceSpecs;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For each endpoint the adapter reads, many random answers that Atlassian's OpenAPI documents allow
 * (see {@link SchemaFuzzer}) are served, and each port call must either return a result or fail with
 * a Confluence error code: never a stack trace from inside the adapter (a {@code NullPointerException},
 * an {@code IllegalArgumentException}), and never the caller's {@code INVALID_INPUT}.
 */
class ConfluenceAnswersFuzzTest extends WireMockConfluence {
    private static final int SEEDS = 40;
    /** What a port may answer when Confluence's answer is legal but unusable, or says the caller cannot. */
    private static final Set<ErrorCode> CONFLUENCE_CODES = EnumSet.of(ErrorCode.CONFLUENCE_ERROR, ErrorCode.CONFLUENCE_RESPONSE_TOO_LARGE,
            ErrorCode.CREDENTIALS_REJECTED, ErrorCode.NOT_FOUND);

    private static OpenAPI v1;
    private static OpenAPI v2;

    @BeforeAll
    static void loadTheDocuments() {
        v1 = SchemaFuzzer.load(ConfluenceSpecs.V1);
        v2 = SchemaFuzzer.load(ConfluenceSpecs.V2);
    }

    @Test
    void every_legal_answer_is_either_used_or_a_confluence_error() {
        ConfluenceSpacesPort spacesPort = UnusableAnswers.guard(ConfluenceSpacesPort.class, spaces);
        ConfluencePagesPort pagesPort = UnusableAnswers.guard(ConfluencePagesPort.class, pages);
        ConfluenceLabelsPort labelsPort = UnusableAnswers.guard(ConfluenceLabelsPort.class, labels);
        ConfluenceAttachmentsPort attachmentsPort = UnusableAnswers.guard(ConfluenceAttachmentsPort.class, attachments);
        ConfluencePermissionsPort permissionsPort = UnusableAnswers.guard(ConfluencePermissionsPort.class, permissions);
        ConfluenceSearchPort searchPort = UnusableAnswers.guard(ConfluenceSearchPort.class, search);
        ConfluenceUsersPort usersPort = UnusableAnswers.guard(ConfluenceUsersPort.class, users);
        PageId page = PageId.of("42");
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("listSpaces", () -> spacesPort.listSpaces(access, 25, Optional.empty()));
        calls.put("findSpace", () -> spacesPort.findSpace(access, SpaceKey.of("OPS")));
        calls.put("read", () -> pagesPort.read(access, page));
        calls.put("versions", () -> pagesPort.versions(access, page, 25, Optional.empty()));
        calls.put("children", () -> pagesPort.children(access, page, 25, Optional.empty()));
        calls.put("ancestors", () -> pagesPort.ancestors(access, page));
        calls.put("labels", () -> labelsPort.list(access, page));
        calls.put("attachments", () -> attachmentsPort.list(access, page));
        calls.put("operations", () -> permissionsPort.pageOperations(access, page));
        calls.put("search", () -> searchPort.search(access, CqlQuery.raw("type = page"), 25, Optional.empty()));
        calls.put("stream", () -> searchPort.stream(access, CqlQuery.raw("type = page"), 25).limit(500).toList());
        calls.put("currentUser", () -> usersPort.currentUser(access));

        List<String> unexpected = new ArrayList<>();
        int used = 0;
        int refused = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            List<String> links = List.of("/wiki/api/v2/spaces?cursor=c" + seed, wm.baseUrl() + "/wiki/api/v2/pages/42/labels?cursor=x",
                    "https://elsewhere.example/wiki/api/v2/spaces?cursor=1", "/rest/api/content/search?cursor=s" + seed + "&limit=25",
                    "not a link at all", "http://[broken", "%%%", "?cursor=");
            serve(new SchemaFuzzer(v2, seed, links), new SchemaFuzzer(v1, seed, links));
            rewire(settings); // a fresh space cache, so every seed's space answers are read
            for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
                try {
                    assertThat(call.getValue().get()).isNotNull();
                    used++;
                } catch (ConnectorException e) {
                    if (e instanceof InvalidInputException || !CONFLUENCE_CODES.contains(e.code())) {
                        unexpected.add("seed " + seed + " " + call.getKey() + ": " + e.code() + " " + e.getMessage());
                    } else {
                        refused++;
                    }
                } catch (RuntimeException e) {
                    unexpected.add("seed " + seed + " " + call.getKey() + ": " + e);
                }
            }
            wm.resetRequests();
        }

        assertThat(unexpected).as("answers that escaped as something other than a result or a Confluence error").isEmpty();
        assertThat(used).as("some answers are usable").isPositive();
        assertThat(refused).as("some answers are refused").isPositive();
    }

    private void serve(SchemaFuzzer v2Answers, SchemaFuzzer v1Answers) {
        wm.resetAll();
        stub(urlPathEqualTo("/wiki/api/v2/spaces"), v2Answers, "/spaces");
        stub(urlPathMatching("/wiki/api/v2/spaces/[^/]+"), v2Answers, "/spaces/{id}");
        stub(urlPathEqualTo("/wiki/api/v2/pages/42"), v2Answers, "/pages/{id}");
        stub(urlPathEqualTo("/wiki/api/v2/pages"), v2Answers, "/pages");
        for (String sub : List.of("versions", "labels", "attachments", "ancestors", "operations", "direct-children")) {
            stub(urlPathEqualTo("/wiki/api/v2/pages/42/" + sub), v2Answers, "/pages/{id}/" + sub);
        }
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/content/search"))
                .willReturn(okJson(v1Answers.answer("GET", "/wiki/rest/api/content/search").toString())));
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/user/current"))
                .willReturn(okJson(v1Answers.answer("GET", "/wiki/rest/api/user/current").toString())));
    }

    private static void stub(com.github.tomakehurst.wiremock.matching.UrlPathPattern url, SchemaFuzzer answers, String specPath) {
        wm.stubFor(get(url).willReturn(okJson(answers.answer("GET", specPath).toString())));
    }
}
