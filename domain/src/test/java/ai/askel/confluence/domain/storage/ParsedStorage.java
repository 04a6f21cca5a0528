package ai.askel.confluence.domain.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** A storage body parsed back into a small tree, to check what the builder wrote says what was asked. */
final class ParsedStorage {

    /** An element: its qualified name, attributes (by qualified name) and children (elements and text runs). */
    record Element(String name, Map<String, String> attributes, List<Object> children) {

        /** All character data below this element, in document order. */
        String text() {
            StringBuilder out = new StringBuilder();
            for (Object child : children) {
                out.append(child instanceof Element e ? e.text() : (String) child);
            }
            return out.toString();
        }

        List<Element> elements() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }

        Element only(String childName) {
            List<Element> matching = elements().stream().filter(e -> e.name.equals(childName)).toList();
            if (matching.size() != 1) {
                throw new AssertionError("expected one <" + childName + "> in <" + name + ">, found " + matching.size());
            }
            return matching.get(0);
        }

        /** This element and all below it. */
        int elementCount() {
            return 1 + elements().stream().mapToInt(Element::elementCount).sum();
        }
    }

    private ParsedStorage() {
    }

    /** The top-level elements and text of the fragment, as children of a synthetic root. */
    static Element parse(String fragment) {
        Deque<Element> open = new ArrayDeque<>();
        Element[] root = new Element[1];
        try {
            StorageXml.parse(fragment, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    Map<String, String> attrs = new LinkedHashMap<>();
                    for (int i = 0; i < attributes.getLength(); i++) {
                        if (!attributes.getQName(i).startsWith("xmlns")) {
                            attrs.put(attributes.getQName(i), attributes.getValue(i));
                        }
                    }
                    Element element = new Element(qName, attrs, new ArrayList<>());
                    if (open.isEmpty()) {
                        root[0] = element;
                    } else {
                        open.peek().children().add(element);
                    }
                    open.push(element);
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    open.pop();
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    List<Object> children = open.peek().children();
                    if (!children.isEmpty() && children.get(children.size() - 1) instanceof String previous) {
                        children.set(children.size() - 1, previous + new String(ch, start, length));
                    } else {
                        children.add(new String(ch, start, length));
                    }
                }
            });
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + fragment, e);
        }
        return root[0];
    }
}
