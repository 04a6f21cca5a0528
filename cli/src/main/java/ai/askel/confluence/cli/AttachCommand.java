package ai.askel.confluence.cli;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attach", description = "Uploads a file to a page, streamed, with a progress bar; the same name adds a version.")
final class AttachCommand extends ConnectorCommand {
    @Mixin
    ConnectionOption connection;

    @Parameters(index = "0", paramLabel = "PAGE_ID")
    String pageId;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--comment")
    String comment;

    @Option(names = "--media-type", description = "Default: guessed from the file name, else application/octet-stream.")
    String mediaType;

    @Override
    protected int execute() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new CliErrors.CliUsageException(file + " is not a file");
        }
        String type = mediaType != null ? mediaType
                : Optional.ofNullable(Files.probeContentType(file)).orElse("application/octet-stream");
        AttachmentUpload upload = new AttachmentUpload(file.getFileName().toString(), type, Files.size(file), () -> Files.newInputStream(file),
                Optional.ofNullable(comment), false);
        return printed(askel -> {
            Attachment a = askel.uploadAttachment().upload(connection(askel, connection.value), PageId.of(pageId), upload,
                    out().isJson() ? UploadProgressListener.NONE : new ProgressBar(err()));
            return new Printed(Views.attachment(a), "\nattached " + a.fileName() + " (" + a.size() + " bytes, version " + a.version() + ") as "
                    + a.id());
        });
    }

    /** A one-line progress bar on standard error, redrawn at most every whole percent. */
    static final class ProgressBar implements UploadProgressListener {
        private final PrintWriter err;
        private int lastPercent = -1;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(long bytesSent, long totalBytes) {
            int percent = totalBytes == 0 ? 100 : (int) (bytesSent * 100 / totalBytes);
            if (percent != lastPercent) {
                lastPercent = percent;
                int filled = percent / 5;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + percent + "%  " + bytesSent / 1024 + " KiB");
                err.flush();
            }
        }
    }
}
