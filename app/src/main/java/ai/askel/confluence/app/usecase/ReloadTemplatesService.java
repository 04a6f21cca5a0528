package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.ReloadTemplatesUseCase;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.out.TemplateReloadResult;
import jakarta.inject.Inject;

/** Asks the template catalog to read its directory again; a broken template keeps its previous version. */
final class ReloadTemplatesService implements ReloadTemplatesUseCase {
    private final TemplateCatalogPort catalog;

    @Inject
    public ReloadTemplatesService(TemplateCatalogPort catalog) {
        this.catalog = catalog;
    }

    @Override
    public TemplateReloadResult reload() {
        return catalog.reload();
    }
}
