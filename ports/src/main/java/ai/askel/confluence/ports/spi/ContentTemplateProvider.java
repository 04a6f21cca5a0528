package ai.askel.confluence.ports.spi;

import ai.askel.confluence.domain.TemplateInputs;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A content template, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/ai.askel.confluence.ports.spi.ContentTemplateProvider}). The host loads
 * each template once, calls {@link #init} with its SPI version, validates the caller's inputs against
 * {@link #inputs()} before {@link #render} is ever called, and sends the rendered storage format.
 *
 * <p>Render with {@link ai.askel.confluence.domain.storage.StorageBuilder}, never by string
 * concatenation: the builder escapes every value, so inputs cannot inject markup.
 *
 * <p>Evolution is additive only: new capabilities arrive as new {@code default} methods.
 */
public interface ContentTemplateProvider {

    /** A stable id, lower-case letters, digits and '-', unique among loaded templates. */
    String id();

    /** The template's version; a new version re-renders every runbook that uses the template. */
    String version();

    default String displayName() {
        return id();
    }

    default String description() {
        return "";
    }

    /** The inputs the template takes; the host rejects a request missing a required one or of the wrong type. */
    default List<TemplateInput> inputs() {
        return List.of();
    }

    /** Labels a page rendered by this template should carry besides the caller's. */
    default Set<String> defaultLabels() {
        return Set.of();
    }

    /** A title pattern such as {@code "Runbook: {environment}"}, if the template suggests one. */
    default Optional<String> titlePattern() {
        return Optional.empty();
    }

    /** Called once when loaded; throw {@link TemplateRefusedException} to refuse this host. */
    default void init(TemplateHostContext host) {
    }

    /** The page body in storage format, from inputs the host has already validated. */
    String render(TemplateInputs inputs, RenderContext context);
}
