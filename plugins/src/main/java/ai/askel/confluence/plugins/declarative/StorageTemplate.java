package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.storage.InvalidStorageFormatException;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A body written in storage format (Confluence's XHTML) with the placeholders, conditionals and
 * loops of a Markdown body, parsed once when the template loads. The markup is the author's, checked
 * to be well-formed storage format; every value is escaped for the exact place it stands in: element
 * text, an attribute value, or a CDATA section (split so that a value holding {@code ]]>} cannot end
 * it). A placeholder where no escaping makes a value safe is refused: in a tag or attribute name,
 * between attributes, in a comment, in {@code ac:name} (which chooses the macro or parameter), in an
 * event handler or namespace attribute. A script element or an {@code html} macro is refused outright,
 * since it would run or show raw HTML whatever the values. A directive opens
 * and closes in the same element, so a branch or a loop always holds whole elements.
 */
final class StorageTemplate implements TemplateBody {
    /** Attributes holding a URL: one made with a value may only be http, https, mailto or scheme-less. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "ri:value");
    /** Where {@code {{x | paragraphs}}} may stand: between blocks. */
    private static final Set<String> BLOCK_CONTAINERS = Set.of("ac:rich-text-body", "ac:layout-cell", "blockquote", "div", "li",
            "td", "th");

    private final List<StoragePart> parts;

    private StorageTemplate(List<StoragePart> parts) {
        this.parts = List.copyOf(parts);
    }

    /** A template body; problems (each at its line and column) go to {@code problems}, and the result is then not to be used. */
    static StorageTemplate parse(String source, List<TemplateInput> inputs, Problems problems) {
        List<StorageScanner.Token> tokens = StorageScanner.scan(source, problems);
        if (!problems.isEmpty()) {
            return new StorageTemplate(List.of());
        }
        try {
            StorageFormatValidator.validate(source);
        } catch (InvalidStorageFormatException e) {
            String reason = e.problems().get(0).message().replaceFirst("^not valid storage format at line \\d+, column \\d+: ", "");
            problems.add(e.line(), e.column(), "not well-formed storage format: " + reason);
            return new StorageTemplate(List.of());
        }
        List<StoragePart> parts = new Parser(problems).parse(tokens);
        check(parts, new Names(inputs, problems, "stand alone on its own line between blocks (not in a paragraph or heading)"));
        return new StorageTemplate(parts);
    }

    @Override
    public String render(Scope scope) {
        return new StorageTemplateRenderer(new TextRenderer(scope)).render(parts);
    }

    private static void check(List<StoragePart> parts, Names names) {
        for (StoragePart part : parts) {
            if (part instanceof StoragePart.Value value) {
                names.checkInline(value.expr());
            } else if (part instanceof StoragePart.Paragraphs paragraphs) {
                names.check(paragraphs.expr());
            } else if (part instanceof StoragePart.Tag tag) {
                tag.attributes().forEach(attribute -> names.checkText(attribute.value().parts(), "an attribute"));
            } else if (part instanceof StoragePart.Cdata cdata) {
                names.checkText(cdata.text().parts(), "a CDATA section");
            } else if (part instanceof StoragePart.If branch) {
                names.check(branch.condition());
                check(branch.then(), names);
                check(branch.otherwise(), names);
            } else if (part instanceof StoragePart.Each each) {
                names.check(each.items());
                names.enterLoop(each.items());
                check(each.body(), names);
                names.leaveLoop();
            }
        }
    }

    /** Turns the tokens of a well-formed body into parts, refusing placeholders where no escaping can make them safe. */
    private static final class Parser implements Directives.Parts<StoragePart> {
        private final Problems problems;
        private final Deque<String> elements = new ArrayDeque<>();
        private Directives<StoragePart> directives;

        Parser(Problems problems) {
            this.problems = problems;
        }

        List<StoragePart> parse(List<StorageScanner.Token> tokens) {
            directives = new Directives<>(this, Position.START, problems);
            for (StorageScanner.Token token : tokens) {
                if (token instanceof StorageScanner.Text text && text.raw().contains("{{")) {
                    directives.text(text.raw(), text.at(), true);
                } else if (token instanceof StorageScanner.StartTag tag) {
                    start(tag);
                } else if (token instanceof StorageScanner.EndTag end) {
                    if (!elements.isEmpty()) {
                        directives.leaveElement(end.name(), end.at());
                        elements.pop();
                    }
                    directives.add(new StoragePart.Markup(end.raw()));
                } else if (token instanceof StorageScanner.Cdata cdata && cdata.content().contains("{{")) {
                    directives.add(new StoragePart.Cdata(TextTemplate.parse(cdata.content(), cdata.contentAt(), true, problems)));
                } else {
                    directives.add(new StoragePart.Markup(token.raw()));
                }
            }
            return directives.finish();
        }

        private void start(StorageScanner.StartTag tag) {
            refuseScriptsAndRawHtml(tag);
            if (tag.attributes().stream().anyMatch(a -> a.value().contains("{{"))) {
                List<StoragePart.Attribute> attributes = new ArrayList<>();
                for (StorageScanner.Attribute attribute : tag.attributes()) {
                    attributes.add(attribute(attribute));
                }
                directives.add(new StoragePart.Tag(tag.name(), attributes, tag.empty()));
            } else {
                directives.add(new StoragePart.Markup(tag.raw()));
            }
            if (!tag.empty()) {
                elements.push(tag.name());
                directives.enterElement();
            }
        }

        private StoragePart.Attribute attribute(StorageScanner.Attribute attribute) {
            String name = attribute.name();
            if (!attribute.value().contains("{{")) {
                return new StoragePart.Attribute(name, TextTemplate.literal(StorageScanner.unescape(attribute.value(), true)), false);
            }
            String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            Position at = attribute.valueAt().advance(attribute.value(), attribute.value().indexOf("{{"));
            if (name.equals("ac:name")) {
                problems.add(at, "a placeholder cannot stand in ac:name: a value must not choose the macro or parameter");
            } else if (name.startsWith("xmlns")) {
                problems.add(at, "a placeholder cannot stand in a namespace declaration");
            } else if (local.startsWith("on")) {
                problems.add(at, "a placeholder cannot stand in the event handler attribute %s".formatted(name));
            }
            TextTemplate value = TextTemplate.parse(attribute.value(), attribute.valueAt(), false, problems,
                    raw -> StorageScanner.unescape(raw, true));
            return new StoragePart.Attribute(name, value, URL_ATTRIBUTES.contains(name));
        }

        /**
         * The author's own markup must not put a script on the page either: a script element or an html macro
         * (whose body Confluence shows as raw HTML) is refused wherever it stands, placeholders in it or not.
         */
        private void refuseScriptsAndRawHtml(StorageScanner.StartTag tag) {
            String local = tag.name().substring(tag.name().indexOf(':') + 1);
            if (local.equalsIgnoreCase("script")) {
                problems.add(tag.at(), "a script element is not allowed: a page must not run scripts");
            } else if ((tag.name().equals("ac:structured-macro") || tag.name().equals("ac:macro")) && tag.attributes().stream()
                    .anyMatch(a -> a.name().equals("ac:name") && StorageScanner.unescape(a.value(), true).strip().equalsIgnoreCase("html"))) {
                problems.add(tag.at(), "the html macro is not allowed: its body would be raw HTML on the page");
            }
        }

        @Override
        public StoragePart literal(String raw) {
            return new StoragePart.Markup(raw);
        }

        @Override
        public StoragePart value(Expr expr, boolean aloneOnLine) {
            boolean betweenBlocks = elements.isEmpty() || BLOCK_CONTAINERS.contains(elements.peek());
            if (aloneOnLine && betweenBlocks && expr.endsInBlockFilter() && expr.filters().stream().filter(Filters::isBlock).count() == 1) {
                return new StoragePart.Paragraphs(expr);
            }
            return new StoragePart.Value(expr.literal() == null ? expr : expr.withLiteral(StorageScanner.unescape(expr.literal(), false)));
        }

        @Override
        public StoragePart loop(Expr items, List<StoragePart> body) {
            return new StoragePart.Each(items, body);
        }

        @Override
        public StoragePart choice(Condition condition, List<StoragePart> whenTrue, List<StoragePart> whenFalse) {
            return new StoragePart.If(condition, whenTrue, whenFalse);
        }
    }
}
