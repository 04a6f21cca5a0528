package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import jakarta.inject.Inject;

import java.util.List;

/** The loaded content templates, ordered by id, as callers see them. */
final class ListTemplatesService implements ListTemplatesUseCase {
    private final TemplateCatalogPort catalog;

    @Inject
    public ListTemplatesService(TemplateCatalogPort catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<TemplateDescriptor> list() {
        return catalog.all().stream().map(ListTemplatesService::describe).toList();
    }

    static TemplateDescriptor describe(ContentTemplateProvider t) {
        return new TemplateDescriptor(t.id(), t.version(), t.displayName(), t.description(), t.inputs(), t.defaultLabels());
    }
}
