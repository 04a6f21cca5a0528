package ai.askel.confluence.app.templates;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a storage body as a stream of elements, for tools: its shape (element names, attribute
 * names and macro names, in order), and a walk with a handler. DOCTYPEs and external entities are
 * refused, as Confluence refuses them.
 */
final class StorageStructure {
    private static final String OPEN = "<askel-root xmlns:ac=\"http://atlassian.com/content\""
            + " xmlns:ri=\"http://atlassian.com/resource/identifier\" xmlns:at=\"http://atlassian.com/template\">";

    private StorageStructure() {
    }

    /** Each element as {@code name[attribute names]}, a macro as {@code ac:structured-macro=name[...]}. */
    static List<String> shape(String storage) {
        List<String> shape = new ArrayList<>();
        walk(storage, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                if (qName.equals("askel-root")) {
                    return;
                }
                List<String> names = new ArrayList<>();
                for (int i = 0; i < attributes.getLength(); i++) {
                    names.add(attributes.getQName(i));
                }
                names.sort(null);
                String macro = qName.equals("ac:structured-macro") ? "=" + attributes.getValue("ac:name") : "";
                shape.add(qName + macro + names);
            }
        });
        return shape;
    }

    static void walk(String storage, DefaultHandler handler) {
        try {
            parser().parse(new InputSource(new StringReader(OPEN + storage + "</askel-root>")), handler);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("not well-formed storage format: " + e.getMessage(), e);
        }
    }

    private static SAXParser parser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newSAXParser();
    }
}
