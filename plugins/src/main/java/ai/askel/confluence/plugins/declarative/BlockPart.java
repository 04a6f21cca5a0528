package ai.askel.confluence.plugins.declarative;

import java.util.List;
import org.commonmark.node.Node;

/** The blocks of a container (the page, a quote or panel, a list item), with the template's block directives resolved into a tree. */
sealed interface BlockPart {
    /** A Markdown block rendered as it is (its text still holds placeholders). */
    record Block(Node node) implements BlockPart {
    }

    /** A paragraph that is one {@code {{value | paragraphs}}}: replaced by the paragraphs of the value. */
    record Paragraphs(Expr expr) implements BlockPart {
    }

    record If(Condition condition, List<BlockPart> then, List<BlockPart> otherwise) implements BlockPart {
    }

    record Each(Expr items, List<BlockPart> body) implements BlockPart {
    }
}
