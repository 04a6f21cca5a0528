package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.util.List;

/** A declarative template that cannot be used, with every problem found, each at its file:line:column. */
public final class TemplateDefinitionException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final transient List<TemplateProblem> problems;

    public TemplateDefinitionException(List<TemplateProblem> problems) {
        super(ErrorCode.TEMPLATE_ERROR, message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }

    private static String message(List<TemplateProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder message = new StringBuilder("the template has ").append(problems.size()).append(" problems:");
        problems.forEach(p -> message.append("\n  ").append(p));
        return message.toString();
    }
}
