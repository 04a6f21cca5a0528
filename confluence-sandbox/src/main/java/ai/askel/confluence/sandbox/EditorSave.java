package ai.askel.confluence.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.UUID;
import java.util.function.ToIntFunction;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What Confluence Cloud's editor does to a page's storage body when a person opens it and saves without changing a
 * word: it stamps ids on tables and macros ({@code ac:local-id}, {@code ac:macro-id}, {@code ac:schema-version}), records
 * a table's layout and column widths ({@code data-layout}, {@code colgroup}), places images ({@code ac:align},
 * {@code ac:layout}, {@code ac:original-width}/{@code -height}) and pins each attachment reference to the version it saw
 * ({@code ri:version-at-save}). Shapes as in storage bodies saved by the Cloud editor (see docs/drift.md in the
 * connector for the sources).
 */
final class EditorSave {
    private static final String AC = "http://atlassian.com/content";
    private static final String RI = "http://atlassian.com/resource/identifier";
    private static final String OPEN = "<storage-root xmlns:ac=\"" + AC + "\" xmlns:ri=\"" + RI
            + "\" xmlns:at=\"http://atlassian.com/template\">";
    private static final String CLOSE = "</storage-root>";

    private EditorSave() {
    }

    /** The body as the editor saves it; {@code attachmentVersion} answers the current version of a file on the page. */
    static String save(String storage, ToIntFunction<String> attachmentVersion) {
        try {
            Document doc = parser().parse(new InputSource(new StringReader(OPEN + storage + CLOSE)));
            for (Element table : elements(doc, null, "table")) {
                table.setAttribute("data-layout", "default");
                table.setAttributeNS(AC, "ac:local-id", UUID.randomUUID().toString());
                addColumnWidths(doc, table);
            }
            for (Element macro : elements(doc, AC, "structured-macro")) {
                if (!macro.hasAttributeNS(AC, "schema-version")) {
                    macro.setAttributeNS(AC, "ac:schema-version", "1");
                }
                macro.setAttribute("data-layout", "default");
                macro.setAttributeNS(AC, "ac:local-id", UUID.randomUUID().toString());
                macro.setAttributeNS(AC, "ac:macro-id", UUID.randomUUID().toString());
            }
            for (Element image : elements(doc, AC, "image")) {
                image.setAttributeNS(AC, "ac:align", "center");
                image.setAttributeNS(AC, "ac:layout", "center");
                image.setAttributeNS(AC, "ac:original-height", "600");
                image.setAttributeNS(AC, "ac:original-width", "800");
            }
            for (Element attachment : elements(doc, RI, "attachment")) {
                int version = attachmentVersion.applyAsInt(attachment.getAttributeNS(RI, "filename"));
                if (version > 0) {
                    attachment.setAttributeNS(RI, "ri:version-at-save", Integer.toString(version));
                }
            }
            return serialize(doc);
        } catch (SAXException | IOException | ParserConfigurationException | TransformerException e) {
            throw new IllegalArgumentException("the page's body is not well-formed storage format: " + e.getMessage(), e);
        }
    }

    /** One {@code col} per cell of the table's first row, as the editor records column widths. */
    private static void addColumnWidths(Document doc, Element table) {
        Element firstRow = elements(table, null, "tr").stream().findFirst().orElse(null);
        if (firstRow == null || !elements(table, null, "colgroup").isEmpty()) {
            return;
        }
        Element colgroup = doc.createElement("colgroup");
        for (Node cell = firstRow.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
            if (cell instanceof Element e && ("td".equals(e.getLocalName()) || "th".equals(e.getLocalName()))) {
                Element col = doc.createElement("col");
                col.setAttribute("style", "width: 226.67px;");
                colgroup.appendChild(col);
            }
        }
        table.insertBefore(colgroup, table.getFirstChild());
    }

    private static java.util.List<Element> elements(Node root, String namespace, String localName) {
        NodeList list = root instanceof Document d ? (namespace == null ? d.getElementsByTagName(localName)
                : d.getElementsByTagNameNS(namespace, localName))
                : namespace == null ? ((Element) root).getElementsByTagName(localName) : ((Element) root).getElementsByTagNameNS(namespace, localName);
        java.util.List<Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    private static String serialize(Document doc) throws TransformerException {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(doc.getDocumentElement()), new StreamResult(out));
        String xml = out.toString();
        int start = xml.indexOf('>') + 1;
        int end = xml.lastIndexOf("</");
        return start > 0 && end >= start ? xml.substring(start, end) : "";
    }
}
