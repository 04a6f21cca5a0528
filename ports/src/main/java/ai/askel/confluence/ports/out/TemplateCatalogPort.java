package ai.askel.confluence.ports.out;

import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import java.util.List;
import java.util.Optional;

/** The content templates the host loaded (built in, and from the plugins directory), by id. */
public interface TemplateCatalogPort {
    Optional<ContentTemplateProvider> find(String templateId);

    /** Every loaded template, ordered by id. */
    List<ContentTemplateProvider> all();
}
