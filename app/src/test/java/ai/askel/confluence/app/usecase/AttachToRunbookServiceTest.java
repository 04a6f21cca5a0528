package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.*;
import ai.askel.confluence.domain.error.*;
import ai.askel.confluence.ports.in.*;
import ai.askel.confluence.ports.out.*;
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
    private final AttachToRunbookService service = new AttachToRunbookService(f.lookup, f.runbooks, f.confluence.attachments, f.guard(), f.audit);

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

        Attachment attached = service.attach(ref, published.runbook(), upload("pdf"), UploadProgressListener.NONE);
        Attachment again = service.attach(ref, published.runbook(), upload("pdf"), UploadProgressListener.NONE);

        assertThat(again.id()).isEqualTo(attached.id());
        assertThat(f.confluence.calls("attachments.upload")).isEqualTo(1);
        Runbook runbook = new GetRunbookService(f.runbooks).get(ref, published.runbook());
        assertThat(runbook.published().orElseThrow().attachment("runbook.pdf")).hasValueSatisfying(a -> {
            assertThat(a.attachmentId()).isEqualTo(attached.id());
            assertThat(a.hash()).isEqualTo(ContentHash.ofBytes("pdf".getBytes(StandardCharsets.UTF_8)));
        });

        service.attach(ref, published.runbook(), upload("pdf v2"), UploadProgressListener.NONE);
        assertThat(f.confluence.calls("attachments.upload")).isEqualTo(2);
    }

    @Test
    void another_connections_runbook_is_not_found() {
        PublishResult published = publish();
        ConnectionRef other = f.connection();

        assertThatThrownBy(() -> service.attach(other, published.runbook(), upload("pdf"), UploadProgressListener.NONE))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("runbook");
        assertThatThrownBy(() -> new GetRunbookService(f.runbooks).get(other, published.runbook())).isInstanceOf(NotFoundException.class);
    }
}
