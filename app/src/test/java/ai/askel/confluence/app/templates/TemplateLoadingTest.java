package ai.askel.confluence.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TemplateLoadingTest {
    private static ContentTemplateProvider withDefaultLabels(int count) {
        Set<String> labels = IntStream.rangeClosed(1, count).mapToObj(i -> "label-" + i).collect(Collectors.toSet());
        return new ContentTemplateProvider() {
            @Override
            public String id() {
                return "many-labels";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public Set<String> defaultLabels() {
                return labels;
            }

            @Override
            public String render(TemplateInputs inputs, RenderContext context) {
                return "<p/>";
            }
        };
    }

    @Test
    void a_template_with_as_many_default_labels_as_one_publish_takes_is_described() {
        assertThat(TemplateLoading.describe(withDefaultLabels(Label.MAX_PER_REQUEST), "test", HostedTemplate.Origin.JAVA_PLUGIN).defaultLabels()).hasSize(50);
    }

    @Test
    void a_template_with_more_default_labels_than_one_publish_takes_is_refused() {
        assertThatThrownBy(() -> TemplateLoading.describe(withDefaultLabels(Label.MAX_PER_REQUEST + 1), "test", HostedTemplate.Origin.JAVA_PLUGIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("template: declares 51 default labels; a page takes at most 50 in one publish");
    }
}
