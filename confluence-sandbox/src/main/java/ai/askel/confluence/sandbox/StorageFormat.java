package ai.askel.confluence.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks that a storage-format body is well-formed XHTML, the way Confluence rejects a broken body. The body is a
 * fragment, so it is wrapped in a root element declaring Confluence's namespaces and the HTML entities storage format
 * commonly uses. The parser refuses DOCTYPEs and external entities (XXE-safe).
 */
final class StorageFormat {

    private static final String OPEN = "<storage-root xmlns:ac=\"http://atlassian.com/content\""
            + " xmlns:ri=\"http://atlassian.com/resource/identifier\" xmlns:at=\"http://atlassian.com/template\">";
    private static final String CLOSE = "</storage-root>";
    private static final String[][] ENTITIES = {
        {"&nbsp;", "&#160;"}, {"&ndash;", "&#8211;"}, {"&mdash;", "&#8212;"}, {"&hellip;", "&#8230;"},
        {"&rsquo;", "&#8217;"}, {"&lsquo;", "&#8216;"}, {"&rdquo;", "&#8221;"}, {"&ldquo;", "&#8220;"},
        {"&copy;", "&#169;"}, {"&rarr;", "&#8594;"}, {"&larr;", "&#8592;"}, {"&bull;", "&#8226;"},
    };

    private final SAXParserFactory factory;

    StorageFormat() {
        try {
            factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured safely", e);
        }
    }

    /** Empty when the body is well-formed, otherwise the parser's reason. */
    Optional<String> problem(String storage) {
        if (storage.contains("<!DOCTYPE") || storage.contains("<!ENTITY")) {
            return Optional.of("DOCTYPE and ENTITY declarations are not allowed in storage format");
        }
        String xml = OPEN + withNumericEntities(storage) + CLOSE;
        try {
            SAXParser parser = factory.newSAXParser();
            parser.parse(new InputSource(new StringReader(xml)), new DefaultHandler());
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of("line " + e.getLineNumber() + ", column "
                    + Math.max(1, e.getColumnNumber() - (e.getLineNumber() == 1 ? OPEN.length() : 0))
                    + ": " + e.getMessage());
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser failed on an in-memory string", e);
        }
    }

    private static String withNumericEntities(String storage) {
        String out = storage;
        for (String[] entity : ENTITIES) {
            out = out.replace(entity[0], entity[1]);
        }
        return out;
    }
}
