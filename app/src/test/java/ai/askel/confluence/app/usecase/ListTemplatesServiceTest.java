package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.TemplateDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListTemplatesServiceTest {

    @Test
    void templates_are_listed_with_their_inputs_and_default_labels() {
        List<TemplateDescriptor> templates = new ListTemplatesService(
                TestTemplates.catalog(new TestTemplates.Runbook(), new TestTemplates.Broken())).list();

        assertThat(templates).extracting(TemplateDescriptor::id).containsExactly("broken", "test-runbook");
        assertThat(templates.get(1).inputs()).hasSize(5);
        assertThat(templates.get(1).defaultLabels()).containsExactly("runbook");
        assertThat(templates.get(1).version()).isEqualTo("1.0");
    }
}
