package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadAttachmentServiceTest {
    private final UseCaseFixture f = new UseCaseFixture(UseCaseSettings.defaults().withMaxAttachmentBytes(10));
    private final ConnectionRef ref = f.connection();
    private final UploadAttachmentService service = new UploadAttachmentService(f.lookup, f.confluence.attachments, f.guard(), f.audit);
    private final PageId id = f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p/>");

    private static AttachmentUpload upload(String name, long declared, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new AttachmentUpload(name, "text/plain", declared, () -> new ByteArrayInputStream(bytes), Optional.empty(), false);
    }

    @Test
    void a_file_is_uploaded_and_the_same_name_gets_a_new_version() {
        Attachment first = service.upload(ref, id, upload("a.txt", 3, "one"), UploadProgressListener.NONE);
        Attachment second = service.upload(ref, id, upload("a.txt", 3, "two"), UploadProgressListener.NONE);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version().number()).isEqualTo(2);
        assertThat(f.confluence.page(id).orElseThrow().attachmentBytes.get("a.txt")).asString(StandardCharsets.UTF_8).isEqualTo("two");
    }

    @Test
    void a_file_declared_over_the_maximum_is_refused_before_any_call() {
        assertThatThrownBy(() -> service.upload(ref, id, upload("big.txt", 11, "01234567890"), UploadProgressListener.NONE))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        assertThat(f.confluence.calls()).isZero();
    }

    @Test
    void a_file_streaming_more_than_the_maximum_is_cut_off() {
        assertThatThrownBy(() -> service.upload(ref, id, upload("liar.txt", 2, "0123456789ABCDEF"), UploadProgressListener.NONE))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        assertThat(f.confluence.page(id).orElseThrow().attachments).isEmpty();
    }
}
