package ai.askel.confluence.ports.in;

import java.util.List;

/** The content templates loaded (built-in and from the plugins directory). */
public interface ListTemplatesUseCase {
    List<TemplateDescriptor> list();
}
