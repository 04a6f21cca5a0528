package ai.askel.confluence.ports.in;

import ai.askel.confluence.ports.out.TemplateReloadResult;

/** Reads the templates directory again, so changed declarative templates serve without a restart. */
public interface ReloadTemplatesUseCase {
    TemplateReloadResult reload();
}
