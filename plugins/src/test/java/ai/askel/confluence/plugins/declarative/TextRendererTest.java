package ai.askel.confluence.plugins.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.askel.confluence.domain.error.ConnectorException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextRendererTest {
    @Test
    void rich_content_where_only_text_can_stand_names_the_placeholder_and_never_the_callers_value() {
        TextTemplate template = TextTemplate.parse("State: {{health | status}}", new Position(3, 5), false, new Problems("body.md"));
        TextRenderer renderer = new TextRenderer(new Scope(Map.of("health", "password=hunter2"), Set.of(), Map.of(), Map.of()));

        Throwable thrown = catchThrowable(() -> renderer.text(template));

        assertThat(thrown).isInstanceOf(ConnectorException.class)
                .hasMessage("{{health | status}} at line 3, column 12 makes rich content where only text can stand")
                .hasMessageNotContaining("hunter2");
    }
}
