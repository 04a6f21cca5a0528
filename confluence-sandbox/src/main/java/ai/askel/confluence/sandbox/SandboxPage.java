package ai.askel.confluence.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * What the sandbox holds for a page right now, for assertions in tests.
 *
 * @param attachments attachment file names
 */
public record SandboxPage(String id, String spaceKey, String title, String status, int version, String storage,
                          Optional<String> parentId, List<String> labels, List<String> attachments) {

    public SandboxPage {
        labels = List.copyOf(labels);
        attachments = List.copyOf(attachments);
    }
}
