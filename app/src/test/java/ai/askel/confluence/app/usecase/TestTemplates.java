package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.storage.StorageBuilder;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateInput;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small runbook template for the tests, and a catalog holding templates. */
final class TestTemplates {
    private TestTemplates() {
    }

    static final class Runbook implements ContentTemplateProvider {
        @Override
        public String id() {
            return "test-runbook";
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public List<TemplateInput> inputs() {
            return List.of(
                    TemplateInput.required("environment", InputType.STRING, "the environment's name"),
                    TemplateInput.required("endpoint", InputType.URL, "the public endpoint"),
                    TemplateInput.optional("replicas", InputType.NUMBER, "how many replicas"),
                    TemplateInput.optional("steps", InputType.STRING_LIST, "maintenance steps"),
                    TemplateInput.table("contacts", false, "escalation contacts", List.of("name", "role")));
        }

        @Override
        public Set<String> defaultLabels() {
            return Set.of("runbook");
        }

        @Override
        @SuppressWarnings("unchecked")
        public String render(TemplateInputs inputs, RenderContext context) {
            StorageBuilder b = StorageBuilder.create()
                    .heading(1, context.pageTitle().value())
                    .paragraph("Environment: " + inputs.get("environment").orElseThrow())
                    .paragraph("Endpoint: " + inputs.get("endpoint").orElseThrow());
            inputs.get("steps").ifPresent(steps -> b.orderedList((List<String>) steps));
            inputs.get("contacts").ifPresent(rows -> b.table(List.of("Name", "Role"), ((List<Map<String, Object>>) rows).stream()
                    .map(r -> List.of((String) r.get("name"), (String) r.get("role"))).toList()));
            context.attachmentFileNames().stream().findFirst().ifPresent(f -> b.attachedImage(f, "diagram"));
            return b.build();
        }
    }

    /** A template whose output is not well-formed. */
    static final class Broken implements ContentTemplateProvider {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String render(TemplateInputs inputs, RenderContext context) {
            return "<p>unclosed";
        }
    }

    static TemplateCatalogPort catalog(ContentTemplateProvider... templates) {
        List<ContentTemplateProvider> all = java.util.Arrays.stream(templates)
                .sorted(Comparator.comparing(ContentTemplateProvider::id)).toList();
        return new TemplateCatalogPort() {
            @Override
            public Optional<ContentTemplateProvider> find(String templateId) {
                return all.stream().filter(t -> t.id().equals(templateId)).findFirst();
            }

            @Override
            public List<ContentTemplateProvider> all() {
                return all;
            }
        };
    }
}
