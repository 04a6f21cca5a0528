package ai.askel.confluence.ports.spi;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import java.util.List;
import java.util.Objects;

/**
 * What a template knows about the page it renders: its title and space, the file names attached
 * with it (so it can show an image of an attachment), and the host's SPI version.
 *
 * <p>{@code attachmentFileNames} lists every file the page carries once this publish is done (the
 * attachments sent with it and those published before), so the same runbook renders the same body
 * whether or not an unchanged attachment is sent again.
 */
public record RenderContext(int spiVersion, Title pageTitle, SpaceKey space, List<String> attachmentFileNames) {
    public RenderContext {
        Objects.requireNonNull(pageTitle, "pageTitle");
        Objects.requireNonNull(space, "space");
        attachmentFileNames = List.copyOf(attachmentFileNames);
    }
}
