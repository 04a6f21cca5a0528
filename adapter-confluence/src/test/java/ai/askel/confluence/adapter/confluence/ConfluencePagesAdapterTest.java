package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.label;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.page;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.results;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.space;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.out.NewPage;
import ai.askel.confluence.domain.PageRevision;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfluencePagesAdapterTest extends WireMockConfluence {
    static final String AWKWARD = "Release \"v2\": R&D + Ops — Ünïcødé 日本";

    @BeforeEach
    void teamSpace() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).withQueryParam("keys", equalTo("TEAM"))
                .willReturn(okJson(results(null, space("98306", "TEAM", "Team")))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/98306")).willReturn(okJson(space("98306", "TEAM", "Team"))));
    }

    @Test
    void creates_a_page_in_the_space_under_its_parent_with_the_storage_body() {
        wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/pages")).willReturn(okJson(page("7700526", AWKWARD, 1, "98306", "98307", "<p>Hi</p>", "", false))));

        Page created = pages.create(access, new NewPage(SpaceKey.of("TEAM"), Title.of(AWKWARD), Optional.of(PageId.of("98307")), PageBody.storage("<p>Hi</p>")));

        assertThat(created.id()).isEqualTo(PageId.of("7700526"));
        assertThat(created.space()).isEqualTo(SpaceKey.of("TEAM"));
        assertThat(created.title().value()).isEqualTo(AWKWARD);
        assertThat(created.version().number()).isEqualTo(Version.FIRST);
        assertThat(created.parentId()).contains(PageId.of("98307"));
        assertThat(created.webUrl()).contains(wm.baseUrl() + "/wiki/spaces/TEAM/pages/7700526/Page");
        wm.verify(postRequestedFor(urlPathEqualTo("/wiki/api/v2/pages")).withRequestBody(equalToJson("""
                {"spaceId":"98306","status":"current","title":"Release \\"v2\\": R&D + Ops — Ünïcødé 日本","parentId":"98307",
                 "body":{"representation":"storage","value":"<p>Hi</p>"}}""")));
        assertThat(observer.endpoints()).containsExactly("GET /wiki/api/v2/spaces", "POST /wiki/api/v2/pages");
    }

    @Test
    void creates_a_page_from_wiki_markup() {
        wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/pages")).willReturn(okJson(page("7700527", "Wiki", 1, "98306", null, "<h1>T</h1>", "", false))));

        pages.create(access, new NewPage(SpaceKey.of("TEAM"), Title.of("Wiki"), Optional.empty(), PageBody.wiki("h1. T\n* item")));

        wm.verify(postRequestedFor(urlPathEqualTo("/wiki/api/v2/pages"))
                .withRequestBody(matchingJsonPath("$.body.representation", equalTo("wiki")))
                .withRequestBody(matchingJsonPath("$.parentId", absent())));
    }

    @Test
    void a_duplicate_title_is_a_conflict() {
        wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/pages")).willReturn(aResponse().withStatus(400).withHeader("atl-traceid", "abc123")
                .withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.DUPLICATE_TITLE)));

        assertThatThrownBy(() -> pages.create(access, new NewPage(SpaceKey.of("TEAM"), Title.of("Runbook"), Optional.empty(), PageBody.storage("<p/>"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.traceId()).contains("abc123"));
    }

    @Test
    void a_page_creating_post_is_never_replayed_after_a_server_error() {
        wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/pages")).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        assertThatThrownBy(() -> pages.create(access, new NewPage(SpaceKey.of("TEAM"), Title.of("Once"), Optional.empty(), PageBody.storage("<p/>"))))
                .isInstanceOf(ConfluenceUnavailableException.class);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/wiki/api/v2/pages")));
        assertThat(observer.retries).isEmpty();
    }

    @Test
    void a_page_creating_post_is_never_replayed_after_a_lost_answer() {
        wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/pages")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> pages.create(access, new NewPage(SpaceKey.of("TEAM"), Title.of("Once"), Optional.empty(), PageBody.storage("<p/>"))))
                .isInstanceOf(ConfluenceUnavailableException.class);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/wiki/api/v2/pages")));
    }

    @Test
    void a_page_creating_post_is_retried_after_429_which_confluence_sends_before_doing_anything() {
        wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/pages")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/pages")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(page("7700528", "Later", 1, "98306", null, "<p/>", "", false))));

        Page created = pages.create(access, new NewPage(SpaceKey.of("TEAM"), Title.of("Later"), Optional.empty(), PageBody.storage("<p/>")));

        assertThat(created.id()).isEqualTo(PageId.of("7700528"));
        assertThat(observer.retries).singleElement().satisfies(r -> assertThat(r.rateLimited()).isTrue());
    }

    @Test
    void reads_a_page_with_body_labels_version_space_key_and_parent() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526")).withQueryParam("body-format", equalTo("storage"))
                .withQueryParam("include-labels", equalTo("true"))
                .willReturn(okJson(page("7700526", AWKWARD, 4, "98306", "98307", "<p>Body&nbsp;text</p>", label("1", "ops") + "," + label("2", "release/2024"), false))));

        Page page = pages.read(access, PageId.of("7700526")).orElseThrow();

        assertThat(page.title().value()).isEqualTo(AWKWARD);
        assertThat(page.body().value()).isEqualTo("<p>Body&#160;text</p>");
        assertThat(page.labels()).containsExactlyInAnyOrder(Label.of("ops"), Label.of("release/2024"));
        assertThat(page.version().number()).isEqualTo(Version.of(4));
        assertThat(page.version().authorId()).contains("557058:048d7c01-8b68-440d-964f-07ce58d92aeb");
        assertThat(page.space()).isEqualTo(SpaceKey.of("TEAM"));
        assertThat(page.parentId()).contains(PageId.of("98307"));
        pages.read(access, PageId.of("7700526"));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/wiki/api/v2/spaces/98306")));
    }

    @Test
    void reads_a_page_whose_body_holds_any_of_xhtmls_named_entities_as_numeric_references() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526")).willReturn(okJson(page("7700526", "Caf\u00e9", 2, "98306", null,
                "<p>Caf&eacute; &frac12; &Omega;&thetasym; &lsquo;ok&rsquo; &lt;b&gt;</p><!-- &copy; -->"
                        + "<ac:plain-text-body><![CDATA[echo '&eacute;']]></ac:plain-text-body>", label("1", "ops"), false))));

        Page page = pages.read(access, PageId.of("7700526")).orElseThrow();

        assertThat(page.body().value()).as("a comment's and a code sample's text are literal").isEqualTo(
                "<p>Caf&#233; &#189; &#937;&#977; &#8216;ok&#8217; &lt;b&gt;</p><!-- &copy; -->"
                        + "<ac:plain-text-body><![CDATA[echo '&eacute;']]></ac:plain-text-body>");
    }

    @Test
    void a_page_body_with_an_entity_xhtml_does_not_name_is_a_confluence_error_that_says_where() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526")).willReturn(okJson(page("7700526", "Odd", 2, "98306", null,
                "<p>&nbsp;&notanentity;</p>", label("1", "ops"), false))));

        assertThatThrownBy(() -> pages.read(access, PageId.of("7700526")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLUENCE_ERROR))
                .hasMessageContaining("&notanentity;");
    }

    @Test
    void reads_every_label_when_the_page_has_more_than_fifty() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526"))
                .willReturn(okJson(page("7700526", "Many", 1, "98306", null, "<p/>", label("1", "a"), true))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/labels")).withQueryParam("cursor", absent())
                .willReturn(okJson(results("/wiki/api/v2/pages/7700526/labels?limit=250&cursor=bmV4dA%3D%3D", label("1", "a"), label("2", "b")))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/labels")).withQueryParam("cursor", equalTo("bmV4dA=="))
                .willReturn(okJson(results(null, label("3", "c")))));

        Page page = pages.read(access, PageId.of("7700526")).orElseThrow();

        assertThat(page.labels()).extracting(Label::name).containsExactly("a", "b", "c");
    }

    @Test
    void an_absent_or_invisible_page_is_empty() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/404404")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V2_404)));

        assertThat(pages.read(access, PageId.of("404404"))).isEmpty();
        assertThat(observer.calls).singleElement().satisfies(c -> {
            assertThat(c.endpoint()).isEqualTo("GET /wiki/api/v2/pages/{id}");
            assertThat(c.status()).isEqualTo(404);
        });
    }

    @Test
    void finds_a_page_by_exact_title_in_the_space_with_an_awkward_title() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages")).withQueryParam("space-id", equalTo("98306")).withQueryParam("title", equalTo(AWKWARD))
                .willReturn(okJson(results(null, page("7700526", AWKWARD, 2, "98306", "98307", "<p/>", "", false)))));

        Optional<PageSummary> found = pages.findByTitle(access, SpaceKey.of("TEAM"), Title.of(AWKWARD));

        assertThat(found).hasValueSatisfying(p -> {
            assertThat(p.id()).isEqualTo(PageId.of("7700526"));
            assertThat(p.space()).contains(SpaceKey.of("TEAM"));
            assertThat(p.version().number()).isEqualTo(Version.of(2));
        });
    }

    @Test
    void find_by_title_ignores_pages_whose_title_only_looks_alike() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages")).willReturn(okJson(results(null, page("7700526", "runbook", 2, "98306", null, "<p/>", "", false)))));

        assertThat(pages.findByTitle(access, SpaceKey.of("TEAM"), Title.of("Runbook"))).isEmpty();
    }

    @Test
    void a_write_is_one_put_of_the_revision() {
        wm.stubFor(put(urlPathEqualTo("/wiki/api/v2/pages/7700526")).willReturn(okJson(page("7700526", "New", 5, "98306", null, "<p/>", "", false))));

        PageVersion written = pages.write(access, new PageRevision(PageId.of("7700526"), Title.of("New"), PageBody.storage("<p>v5</p>"),
                Version.of(5), Optional.of("by the connector")));

        assertThat(written.number()).isEqualTo(Version.of(5));
        wm.verify(putRequestedFor(urlPathEqualTo("/wiki/api/v2/pages/7700526")).withRequestBody(equalToJson("""
                {"id":"7700526","status":"current","title":"New","body":{"representation":"storage","value":"<p>v5</p>"},
                 "version":{"number":5,"message":"by the connector"}}""")));
        assertThat(observer.endpoints()).containsExactly("PUT /wiki/api/v2/pages/{id}");
    }

    @Test
    void a_v2_409_is_a_version_conflict_naming_the_current_version_and_is_not_replayed() {
        wm.stubFor(put(urlPathEqualTo("/wiki/api/v2/pages/7700526")).willReturn(aResponse().withStatus(409).withHeader("atl-traceid", "t409")
                .withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V2_409)));

        assertThatThrownBy(() -> pages.write(access, new PageRevision(PageId.of("7700526"), Title.of("T"), PageBody.storage("<p/>"),
                Version.of(3), Optional.empty())))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.currentVersion()).hasValue(3);
                    assertThat(e.traceId()).contains("t409");
                });
        wm.verify(1, putRequestedFor(urlPathEqualTo("/wiki/api/v2/pages/7700526")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/wiki/api/v2/pages/7700526")));
    }

    @Test
    void a_put_whose_answer_was_lost_and_whose_replay_is_refused_succeeded_when_the_page_holds_the_revision() {
        wm.stubFor(put(urlPathEqualTo("/wiki/api/v2/pages/7700526")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("applied"));
        wm.stubFor(put(urlPathEqualTo("/wiki/api/v2/pages/7700526")).inScenario("lost").whenScenarioStateIs("applied")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V2_409)));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526"))
                .willReturn(okJson(page("7700526", "T", 3, "98306", null, "<p>mine</p>", "", false))));

        PageVersion written = pages.write(access, new PageRevision(PageId.of("7700526"), Title.of("T"), PageBody.storage("<p>mine</p>"),
                Version.of(3), Optional.empty()));

        assertThat(written.number()).isEqualTo(Version.of(3));
        wm.verify(2, putRequestedFor(urlPathEqualTo("/wiki/api/v2/pages/7700526")));
    }

    @Test
    void a_replayed_put_refused_because_someone_else_wrote_that_version_stays_a_conflict() {
        wm.stubFor(put(urlPathEqualTo("/wiki/api/v2/pages/7700526")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("raced"));
        wm.stubFor(put(urlPathEqualTo("/wiki/api/v2/pages/7700526")).inScenario("lost").whenScenarioStateIs("raced")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V2_409)));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526"))
                .willReturn(okJson(page("7700526", "T", 3, "98306", null, "<p>someone else</p>", "", false))));

        assertThatThrownBy(() -> pages.write(access, new PageRevision(PageId.of("7700526"), Title.of("T"), PageBody.storage("<p>mine</p>"),
                Version.of(3), Optional.empty()))).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void lists_versions_newest_first_with_the_next_cursor() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/versions")).withQueryParam("sort", equalTo("-modified-date"))
                .willReturn(okJson(results("/wiki/api/v2/pages/7700526/versions?cursor=djM%3D",
                        "{\"createdAt\":\"2024-05-01T10:00:00.000Z\",\"message\":\"second\",\"number\":2,\"minorEdit\":false,\"authorId\":\"557058:a\",\"page\":{\"id\":\"7700526\",\"title\":\"T\"}}",
                        "{\"createdAt\":\"2024-04-01T10:00:00.000Z\",\"message\":\"\",\"number\":1,\"minorEdit\":false,\"authorId\":\"557058:b\",\"page\":{\"id\":\"7700526\",\"title\":\"T\"}}"))));

        Slice<PageVersion> versions = pages.versions(access, PageId.of("7700526"), 2, Optional.empty());

        assertThat(versions.items()).extracting(v -> v.number().number()).containsExactly(2, 1);
        assertThat(versions.items().get(0).message()).contains("second");
        assertThat(versions.items().get(1).message()).isEmpty();
        assertThat(versions.items().get(0).createdAt()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2024-05-01T10:00:00Z"));
        assertThat(versions.nextCursor()).contains("djM=");
    }

    @Test
    void reads_an_older_version_with_its_body() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526")).withQueryParam("version", equalTo("2"))
                .willReturn(okJson(page("7700526", "Old title", 2, "98306", null, "<p>old</p>", "", false))));

        Page old = pages.readVersion(access, PageId.of("7700526"), Version.of(2)).orElseThrow();

        assertThat(old.body().value()).isEqualTo("<p>old</p>");
        assertThat(old.title().value()).isEqualTo("Old title");
        assertThat(old.version().number()).isEqualTo(Version.of(2));
    }

    @Test
    void lists_child_pages_with_their_versions_skipping_other_content() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/98307/direct-children")).willReturn(okJson(results(null,
                "{\"id\":\"7700526\",\"status\":\"current\",\"title\":\"A\",\"type\":\"page\",\"spaceId\":\"98306\",\"childPosition\":1}",
                "{\"id\":\"7700600\",\"status\":\"current\",\"title\":\"Board\",\"type\":\"whiteboard\",\"spaceId\":\"98306\",\"childPosition\":2}",
                "{\"id\":\"7700527\",\"status\":\"current\",\"title\":\"B\",\"type\":\"page\",\"spaceId\":\"98306\",\"childPosition\":3}"))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages")).withQueryParam("id", havingExactly("7700526", "7700527"))
                .willReturn(okJson(results(null, page("7700527", "B", 3, "98306", "98307", "<p/>", "", false),
                        page("7700526", "A", 1, "98306", "98307", "<p/>", "", false)))));

        Slice<PageSummary> kids = pages.children(access, PageId.of("98307"), 25, Optional.empty());

        assertThat(kids.items()).extracting(p -> p.title().value()).containsExactly("A", "B");
        assertThat(kids.items()).allSatisfy(p -> assertThat(p.parentId()).contains(PageId.of("98307")));
        assertThat(kids.items().get(1).version().number()).isEqualTo(Version.of(3));
    }

    @Test
    void lists_ancestors_top_down() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/ancestors"))
                .willReturn(okJson(results(null, "{\"id\":\"98307\",\"type\":\"page\"}", "{\"id\":\"98310\",\"type\":\"folder\"}", "{\"id\":\"98311\",\"type\":\"page\"}"))));

        List<PageId> chain = pages.ancestors(access, PageId.of("7700526"));

        assertThat(chain).containsExactly(PageId.of("98307"), PageId.of("98311"));
    }
}
