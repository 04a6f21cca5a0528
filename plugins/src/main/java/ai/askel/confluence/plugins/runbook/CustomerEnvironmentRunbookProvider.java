package ai.askel.confluence.plugins.runbook;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplate;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplates;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in {@code customer-environment-runbook} template: the page an on-call engineer opens
 * when a customer's environment needs attention. It is a declarative template (descriptor and
 * Markdown body in this package's {@code customer-environment-runbook/} resources); this class only
 * makes it findable with {@link java.util.ServiceLoader} on the connector's class path.
 */
public final class CustomerEnvironmentRunbookProvider implements ContentTemplateProvider {
    public static final String ID = "customer-environment-runbook";
    public static final String VERSION = "1.0.0";
    /** Where the descriptor and body live on the class path. */
    public static final String RESOURCES = "ai/askel/confluence/plugins/runbook/" + ID;

    private static final DeclarativeTemplate TEMPLATE =
            DeclarativeTemplates.fromResources(CustomerEnvironmentRunbookProvider.class.getClassLoader(), RESOURCES);

    @Override
    public String id() {
        return TEMPLATE.id();
    }

    @Override
    public String version() {
        return TEMPLATE.version();
    }

    @Override
    public String displayName() {
        return TEMPLATE.displayName();
    }

    @Override
    public String description() {
        return TEMPLATE.description();
    }

    @Override
    public List<TemplateInput> inputs() {
        return TEMPLATE.inputs();
    }

    @Override
    public Set<String> defaultLabels() {
        return TEMPLATE.defaultLabels();
    }

    @Override
    public Optional<String> titlePattern() {
        return TEMPLATE.titlePattern();
    }

    @Override
    public String render(TemplateInputs inputs, RenderContext context) {
        return TEMPLATE.render(inputs, context);
    }
}
