package ai.askel.confluence.ports.in;

/**
 * Writes a page's next version, so Confluence keeps the history; an update that would change neither
 * the title nor the (canonical) body writes nothing unless forced.
 */
public interface UpdatePageUseCase {
    UpdatedPage update(UpdatePageCommand command);
}
