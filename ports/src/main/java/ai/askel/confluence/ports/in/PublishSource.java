package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.TemplateInputs;
import java.util.Objects;

/**
 * What a runbook's body is published from: a content template and its inputs, or a body the caller
 * compiled itself (in any representation {@link PageBody} accepts; a storage body is checked for
 * well-formedness when it is made, before any Confluence call).
 */
public sealed interface PublishSource permits PublishSource.FromTemplate, PublishSource.Supplied {

    /** Rendered by the template {@code templateId} from {@code inputs}. */
    record FromTemplate(String templateId, TemplateInputs inputs) implements PublishSource {
        public FromTemplate {
            Objects.requireNonNull(templateId, "templateId");
            Objects.requireNonNull(inputs, "inputs");
        }
    }

    /** Exactly this body. */
    record Supplied(PageBody body) implements PublishSource {
        public Supplied {
            Objects.requireNonNull(body, "body");
        }
    }
}
