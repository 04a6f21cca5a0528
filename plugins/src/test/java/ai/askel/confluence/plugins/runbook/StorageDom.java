package ai.askel.confluence.plugins.runbook;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A storage body parsed the way Confluence reads it, for asserting on its structure and text. */
final class StorageDom {
    private final Element root;

    private StorageDom(Element root) {
        this.root = root;
    }

    static StorageDom parse(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            String wrapped = "<root xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">"
                    + body + "</root>";
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(wrapped)));
            return new StorageDom(document.getDocumentElement());
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + body, e);
        }
    }

    /**
     * Every element in document order, as its name, its sorted attribute names and, for a macro or
     * parameter, its ac:name: what decides what Confluence will render, values aside.
     */
    List<String> structure() {
        List<String> shape = new ArrayList<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            NamedNodeMap attributes = element.getAttributes();
            TreeSet<String> names = new TreeSet<>();
            for (int a = 0; a < attributes.getLength(); a++) {
                names.add(attributes.item(a).getNodeName());
            }
            String macro = element.getNodeName().equals("ac:structured-macro") ? "=" + element.getAttribute("ac:name") : "";
            shape.add(element.getNodeName() + macro + names);
        }
        return shape;
    }

    /** The names of the macros, in order. */
    List<String> macros() {
        List<String> names = new ArrayList<>();
        NodeList macros = root.getElementsByTagName("ac:structured-macro");
        for (int i = 0; i < macros.getLength(); i++) {
            names.add(((Element) macros.item(i)).getAttribute("ac:name"));
        }
        return names;
    }

    /** All text (CDATA included), every attribute value, each followed by a separator. */
    String textAndAttributes() {
        StringBuilder out = new StringBuilder();
        collect(root, out);
        return out.toString();
    }

    /** The text of the elements with this name, one entry each. */
    List<String> texts(String elementName) {
        List<String> texts = new ArrayList<>();
        NodeList found = root.getElementsByTagName(elementName);
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent());
        }
        return texts;
    }

    /** The value of one attribute on every element with this name. */
    List<String> attributes(String elementName, String attribute) {
        List<String> values = new ArrayList<>();
        NodeList found = root.getElementsByTagName(elementName);
        for (int i = 0; i < found.getLength(); i++) {
            values.add(((Element) found.item(i)).getAttribute(attribute));
        }
        return values;
    }

    private static void collect(Node node, StringBuilder out) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            out.append(node.getNodeValue());
            return;
        }
        if (node instanceof Element element) {
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                out.append('\u0000').append(attributes.item(a).getNodeValue()).append('\u0000');
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, out);
        }
    }
}
