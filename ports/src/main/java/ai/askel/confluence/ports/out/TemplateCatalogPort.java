package ai.askel.confluence.ports.out;

import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import java.util.List;
import java.util.Optional;

/** The content templates the host loaded (built in, and from the plugins directory), by id. */
public interface TemplateCatalogPort {
    Optional<ContentTemplateProvider> find(String templateId);

    /** Every loaded template, ordered by id. */
    List<ContentTemplateProvider> all();

    /**
     * Reads the templates directory again: changed declarative templates replace their previous
     * version, a broken one keeps its previous version serving and is reported. A catalog that
     * cannot reload reports that nothing changed.
     */
    default TemplateReloadResult reload() {
        return new TemplateReloadResult(List.of(), List.of(), List.of());
    }
}
