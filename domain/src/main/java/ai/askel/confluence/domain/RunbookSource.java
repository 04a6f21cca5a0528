package ai.askel.confluence.domain;

import java.util.Objects;

/**
 * Where a runbook's body comes from: a content template rendered from inputs, or a body the caller
 * compiled and supplied itself (storage format or wiki markup). A supplied body is not stored, only its
 * hash, so a republish of the same body is recognised without keeping a copy of it.
 */
public sealed interface RunbookSource permits RunbookSource.Template, RunbookSource.SuppliedBody {

    /** Rendered by a content template from its inputs. */
    record Template(TemplateRef template, TemplateInputs inputs) implements RunbookSource {
        public Template {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(inputs, "inputs");
        }

        @Override
        public String describe() {
            return "template " + template;
        }
    }

    /** A body the caller supplied, in {@code representation}, with the hash of its title and text. */
    record SuppliedBody(BodyRepresentation representation, ContentHash hash) implements RunbookSource {
        public SuppliedBody {
            Objects.requireNonNull(representation, "representation");
            Objects.requireNonNull(hash, "hash");
        }

        /** The hash identifying a supplied body under a title (not its canonical form: a wiki body is converted by Confluence). */
        public static ContentHash hashOf(Title title, PageBody body) {
            return ContentHash.of(body.representation().wireName(), title.value(), body.value());
        }

        @Override
        public String describe() {
            return "a supplied " + representation.wireName() + " body";
        }
    }

    /** How the page's version message names the source. */
    String describe();
}
