package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachToRunbookServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final AttachToRunbookService service = f.attachToRunbook();

    private PublishResult publish() {
        return f.publisher().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of("Crestview"),
                "test-runbook", new TemplateInputs(Map.of("environment", "prod", "endpoint", "https://x.example")), Optional.empty(),
                List.of(), DriftPolicy.FAIL, false));
    }

    private static AttachmentUpload upload(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new AttachmentUpload("runbook.pdf", "application/pdf", bytes.length, () -> new ByteArrayInputStream(bytes), Optional.empty(), false);
    }

    @Test
    void a_file_is_attached_and_recorded_and_the_same_content_is_not_uploaded_again() {
        PublishResult published = publish();

        Attachment attached = service.attach(ref, published.runbook().orElseThrow(), upload("pdf"), UploadProgressListener.NONE);
        Attachment again = service.attach(ref, published.runbook().orElseThrow(), upload("pdf"), UploadProgressListener.NONE);

        assertThat(again.id()).isEqualTo(attached.id());
        assertThat(f.confluence.calls("attachments.upload")).isEqualTo(1);
        Runbook runbook = new GetRunbookService(f.runbooks).get(ref, published.runbook().orElseThrow());
        assertThat(runbook.published().orElseThrow().attachment("runbook.pdf")).hasValueSatisfying(a -> {
            assertThat(a.attachmentId()).isEqualTo(attached.id());
            assertThat(a.hash()).isEqualTo(ContentHash.ofBytes("pdf".getBytes(StandardCharsets.UTF_8)));
        });

        service.attach(ref, published.runbook().orElseThrow(), upload("pdf v2"), UploadProgressListener.NONE);
        assertThat(f.confluence.calls("attachments.upload")).isEqualTo(2);
    }

    @Test
    void sending_the_original_of_a_file_gone_from_the_page_resolves_its_finding_at_once() {
        PublishResult published = publish();
        PageId page = published.pageId().orElseThrow();
        service.attach(ref, published.runbook().orElseThrow(), upload("pdf"), UploadProgressListener.NONE);
        f.confluence.page(page).orElseThrow().attachments.remove("runbook.pdf");
        assertThat(f.drift().scan(ref)).extracting(d -> d.kind()).containsExactly(ai.askel.confluence.domain.DriftKind.ATTACHMENT_MISSING);

        service.attach(ref, published.runbook().orElseThrow(), upload("pdf"), UploadProgressListener.NONE);

        assertThat(f.findings.listOpen(ref.connection())).as("resolved by the upload, not by the next scan").isEmpty();
        assertThat(f.drift().scan(ref)).isEmpty();
    }

    @Test
    void sending_one_of_two_missing_files_keeps_the_runbook_drifted_until_the_other_is_sent() {
        PublishResult published = publish();
        PageId page = published.pageId().orElseThrow();
        RunbookId id = published.runbook().orElseThrow();
        service.attach(ref, id, upload("pdf"), UploadProgressListener.NONE);
        service.attach(ref, id, named("network.png", "png"), UploadProgressListener.NONE);
        f.confluence.page(page).orElseThrow().attachments.clear();
        f.drift().scan(ref);
        assertThat(f.runbooks.find(f.workspace, id).orElseThrow().status()).isEqualTo(RunbookStatus.DRIFTED);

        service.attach(ref, id, upload("pdf"), UploadProgressListener.NONE);

        assertThat(f.findings.listOpen(ref.connection())).extracting(d -> d.kind()).containsExactly(DriftKind.ATTACHMENT_MISSING);
        assertThat(f.runbooks.find(f.workspace, id).orElseThrow().status()).as("network.png is still missing").isEqualTo(RunbookStatus.DRIFTED);

        service.attach(ref, id, named("network.png", "png"), UploadProgressListener.NONE);

        assertThat(f.findings.listOpen(ref.connection())).isEmpty();
        assertThat(f.runbooks.find(f.workspace, id).orElseThrow().status()).isEqualTo(RunbookStatus.PUBLISHED);
    }

    private static AttachmentUpload named(String fileName, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new AttachmentUpload(fileName, "image/png", bytes.length, () -> new ByteArrayInputStream(bytes), Optional.empty(), false);
    }

    @Test
    void an_unpublished_runbook_takes_no_attachment() {
        Runbook fresh = f.runbooks.insertOrGet(Runbook.create(f.workspace, ref.connection(), SpaceKey.of("OPS"), Title.of("Parent"),
                Title.of("Draft"), new RunbookSource.Template(new TemplateRef("test-runbook", "1"), TemplateInputs.empty()), Set.of()));

        assertThatThrownBy(() -> service.attach(ref, fresh.id(), upload("pdf"), UploadProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not been published");
        assertThat(f.confluence.calls()).isZero();
    }

    @Test
    void another_connections_runbook_is_not_found() {
        PublishResult published = publish();
        ConnectionRef other = f.connection();

        assertThatThrownBy(() -> service.attach(other, published.runbook().orElseThrow(), upload("pdf"), UploadProgressListener.NONE))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("runbook");
    }

    @Test
    void attaching_a_file_renders_a_template_that_shows_attachments_again_with_one_put_and_a_republish_then_changes_nothing() {
        PublishResult published = publish();
        PageId page = published.pageId().orElseThrow();
        assertThat(f.confluence.page(page).orElseThrow().body()).doesNotContain("ri:attachment");
        f.confluence.resetCounts();

        service.attach(ref, published.runbook().orElseThrow(), upload("pdf"), UploadProgressListener.NONE);

        assertThat(f.confluence.page(page).orElseThrow().body()).contains("ri:filename=\"runbook.pdf\"");
        assertThat(f.confluence.callLog()).containsExactly("attachments.upload", "pages.write");
        f.confluence.resetCounts();
        PublishResult again = publish();
        assertThat(again.outcome()).isEqualTo(ai.askel.confluence.ports.in.PublishOutcome.UNCHANGED);
        assertThat(f.confluence.callLog()).containsExactly("pages.read");
        assertThat(f.confluence.page(page).orElseThrow().body()).contains("ri:filename=\"runbook.pdf\"");
    }

    @Test
    void a_page_edited_in_confluence_is_not_overwritten_by_the_render_after_an_attachment() {
        PublishResult published = publish();
        PageId page = published.pageId().orElseThrow();
        f.confluence.editInConfluence(page, "<p>by hand</p>");

        service.attach(ref, published.runbook().orElseThrow(), upload("pdf"), UploadProgressListener.NONE);

        assertThat(f.confluence.page(page).orElseThrow().body()).isEqualTo("<p>by hand</p>");
    }
}
