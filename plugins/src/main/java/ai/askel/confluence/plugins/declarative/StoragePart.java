package ai.askel.confluence.plugins.declarative;

import java.util.List;

/** A piece of a storage-format body, with its directives resolved into a tree. */
sealed interface StoragePart {
    /** Markup or text of the template, written as it stands (checked to be well-formed storage format at load). */
    record Markup(String raw) implements StoragePart {
    }

    /** A value in element text: text escaped, rich content (a status, a link) as the storage builder writes it. */
    record Value(Expr expr) implements StoragePart {
    }

    /** A {@code {{value | paragraphs}}} alone on its line between blocks: replaced by the value's paragraphs. */
    record Paragraphs(Expr expr) implements StoragePart {
    }

    /** A start tag with a value in an attribute: every attribute is written again, escaped, in double quotes. */
    record Tag(String name, List<Attribute> attributes, boolean empty) implements StoragePart {
        public Tag {
            attributes = List.copyOf(attributes);
        }
    }

    /** An attribute's text; with {@code url}, a value-made URL with another scheme than http, https or mailto is left out. */
    record Attribute(String name, TextTemplate value, boolean url) {
    }

    /** A CDATA section with values: its text is written as CDATA again, split so that no value can end it. */
    record Cdata(TextTemplate text) implements StoragePart {
    }

    record If(Condition condition, List<StoragePart> then, List<StoragePart> otherwise) implements StoragePart {
    }

    record Each(Expr items, List<StoragePart> body) implements StoragePart {
    }
}
