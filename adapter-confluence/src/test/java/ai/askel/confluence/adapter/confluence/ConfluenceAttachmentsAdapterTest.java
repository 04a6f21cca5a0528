package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.results;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.AttachmentUpload;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfluenceAttachmentsAdapterTest extends WireMockConfluence {
    static final String UPLOAD = "/wiki/rest/api/content/7700526/child/attachment";
    static final byte[] BYTES = "col1,col2\n1,2\n".repeat(100).getBytes(StandardCharsets.UTF_8);

    @Test
    void uploads_a_multipart_body_with_file_comment_and_minor_edit_and_the_xsrf_header() {
        wm.stubFor(put(urlPathEqualTo(UPLOAD)).willReturn(okJson(ConfluenceFixtures.attachmentArray("att9001", "report \"Q3\" ü.csv", BYTES.length,
                "text/csv", 2, "nightly export"))));
        List<Long> progress = new CopyOnWriteArrayList<>();

        Attachment attachment = attachments.upload(access, PageId.of("7700526"), upload("report \"Q3\" ü.csv", Optional.of("nightly export")),
                (sent, total) -> progress.add(sent));

        assertThat(attachment.id()).isEqualTo(new AttachmentId("att9001"));
        assertThat(attachment.fileName()).isEqualTo("report \"Q3\" ü.csv");
        assertThat(attachment.size()).isEqualTo(BYTES.length);
        assertThat(attachment.version()).isEqualTo(Version.of(2));
        assertThat(attachment.comment()).contains("nightly export");
        assertThat(attachment.downloadUrl()).contains(wm.baseUrl() + "/wiki/download/attachments/7700526/file?version=2");
        assertThat(progress).isNotEmpty().last().isEqualTo((long) BYTES.length);
        wm.verify(putRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("X-Atlassian-Token", equalTo("no-check"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withHeader("Content-Length", equalTo(String.valueOf(wm.getAllServeEvents().get(0).getRequest().getBody().length)))
                .withAnyRequestBodyPart(aMultipart("file").withHeader("Content-Disposition", containing("filename=\"report %22Q3%22 ü.csv\""))
                        .withHeader("Content-Type", equalTo("text/csv")).withBody(binaryEqualTo(BYTES)))
                .withAnyRequestBodyPart(aMultipart("comment").withBody(equalTo("nightly export")))
                .withAnyRequestBodyPart(aMultipart("minorEdit").withBody(equalTo("true"))));
        assertThat(observer.endpoints()).containsExactly("PUT /wiki/rest/api/content/{id}/child/attachment");
    }

    @Test
    void an_upload_is_retried_from_the_start_of_the_content() {
        wm.stubFor(put(urlPathEqualTo(UPLOAD)).inScenario("u").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        wm.stubFor(put(urlPathEqualTo(UPLOAD)).inScenario("u").whenScenarioStateIs("ok")
                .willReturn(okJson(ConfluenceFixtures.attachmentArray("att9002", "a.csv", BYTES.length, "text/csv", 1, null))));
        AtomicInteger opened = new AtomicInteger();
        AttachmentUpload upload = new AttachmentUpload("a.csv", "text/csv", BYTES.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(BYTES);
        }, Optional.empty(), false);

        attachments.upload(access, PageId.of("7700526"), upload, (s, t) -> { });

        assertThat(opened).hasValue(2);
        wm.verify(2, putRequestedFor(urlPathEqualTo(UPLOAD)).withAnyRequestBodyPart(aMultipart("file").withBody(binaryEqualTo(BYTES))));
    }

    @Test
    void an_attachment_over_the_configured_maximum_fails_before_any_request() {
        AttachmentUpload huge = new AttachmentUpload("big.bin", "application/octet-stream", settings.maxAttachmentBytes() + 1,
                () -> { throw new AssertionError("must not be read"); }, Optional.empty(), true);

        assertThatThrownBy(() -> attachments.upload(access, PageId.of("7700526"), huge, (s, t) -> { }))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("big.bin");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void confluence_refusing_the_size_is_reported_as_not_found_with_its_reason() {
        wm.stubFor(put(urlPathEqualTo(UPLOAD)).willReturn(aResponse().withStatus(404).withHeader("atl-traceid", "a404")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"statusCode\":404,\"message\":\"The attachment exceeds the maximum configured attachment size.\"}")));

        assertThatThrownBy(() -> attachments.upload(access, PageId.of("7700526"), upload("a.csv", Optional.empty()), (s, t) -> { }))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.getMessage()).contains("exceeds the maximum configured attachment size");
                    assertThat(e.traceId()).contains("a404");
                });
    }

    @Test
    void lists_a_pages_attachments_across_pages() {
        String a1 = """
                {"id":"att1","status":"current","title":"a.png","createdAt":"2024-01-01T00:00:00.000Z","pageId":"7700526","mediaType":"image/png",
                 "mediaTypeDescription":"PNG Image","comment":"","fileId":"f1","fileSize":1234,"webuiLink":"/pages/viewpageattachments.action?pageId=7700526",
                 "downloadLink":"/download/attachments/7700526/a.png?version=1","version":{"number":1,"message":"","minorEdit":false,"authorId":"557058:a","createdAt":"2024-01-01T00:00:00.000Z"},
                 "_links":{"webui":"/pages/viewpageattachments.action?pageId=7700526","download":"/download/attachments/7700526/a.png?version=1"}}""";
        String a2 = a1.replace("att1", "att2").replace("a.png", "b.png").replace("\"number\":1", "\"number\":3");
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/attachments")).inScenario("l").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(results("/wiki/api/v2/pages/7700526/attachments?cursor=YXR0Mg%3D%3D", a1))).willSetStateTo("2"));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/attachments")).inScenario("l").whenScenarioStateIs("2")
                .willReturn(okJson(results(null, a2))));

        List<Attachment> list = attachments.list(access, PageId.of("7700526"));

        assertThat(list).extracting(Attachment::fileName).containsExactly("a.png", "b.png");
        assertThat(list.get(0).size()).isEqualTo(1234);
        assertThat(list.get(1).version()).isEqualTo(Version.of(3));
        assertThat(list.get(0).downloadUrl()).contains(wm.baseUrl() + "/wiki/download/attachments/7700526/a.png?version=1");
    }

    private static AttachmentUpload upload(String name, Optional<String> comment) {
        return new AttachmentUpload(name, "text/csv", BYTES.length, () -> new ByteArrayInputStream(BYTES), comment, true);
    }

    @Test
    void an_upload_of_a_new_file_is_a_post_and_a_name_already_taken_is_empty_not_an_error() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(UPLOAD)).inScenario("n").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(ConfluenceFixtures.attachmentArray("att9003", "a.csv", BYTES.length, "text/csv", 1, null)))
                .willSetStateTo("taken"));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(UPLOAD)).inScenario("n").whenScenarioStateIs("taken")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"statusCode\":400,\"message\":\"Cannot add a new attachment with same file name as an existing attachment: a.csv\"}")));

        Optional<Attachment> added = attachments.uploadNew(access, PageId.of("7700526"), upload("a.csv", Optional.empty()), (s, t) -> { });
        Optional<Attachment> again = attachments.uploadNew(access, PageId.of("7700526"), upload("a.csv", Optional.empty()), (s, t) -> { });

        assertThat(added).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(new AttachmentId("att9003")));
        assertThat(again).isEmpty();
        assertThat(observer.endpoints()).containsOnly("POST /wiki/rest/api/content/{id}/child/attachment");
        wm.verify(0, putRequestedFor(urlPathEqualTo(UPLOAD)));
    }
}
