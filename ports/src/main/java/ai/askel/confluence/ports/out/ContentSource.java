package ai.askel.confluence.ports.out;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where an attachment's bytes come from. It may be opened more than once (a retry re-reads it from
 * the start), and is read as a stream: an attachment is never held in memory whole.
 */
@FunctionalInterface
public interface ContentSource {
    InputStream open() throws IOException;
}
