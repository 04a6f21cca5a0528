package ai.askel.confluence.ports.out;

/** Told how far an upload has got; called from the uploading thread, so it must be quick. */
@FunctionalInterface
public interface UploadProgressListener {
    UploadProgressListener NONE = (sent, total) -> { };

    void progress(long bytesSent, long totalBytes);
}
