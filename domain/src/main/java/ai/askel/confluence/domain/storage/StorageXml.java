package ai.askel.confluence.domain.storage;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The JDK's SAX parser, hardened: no DOCTYPE, no external entities or DTDs, secure processing.
 * A storage body is a fragment, so it is parsed inside a root that binds Confluence's namespaces.
 */
final class StorageXml {
    static final String AC = "http://atlassian.com/content";
    static final String RI = "http://atlassian.com/resource/identifier";
    static final String AT = "http://atlassian.com/template";
    static final String ROOT_OPEN = "<askel-root xmlns:ac=\"" + AC + "\" xmlns:ri=\"" + RI + "\" xmlns:at=\"" + AT + "\">";
    static final String ROOT_CLOSE = "</askel-root>";

    private static final SAXParserFactory FACTORY = newFactory();
    /**
     * A parser per thread, reset before each use: building one costs more than parsing a typical page body. A
     * thread takes its parser out while it parses, so a parse started from within a handler builds its own.
     */
    private static final ThreadLocal<SAXParser> IDLE = new ThreadLocal<>();

    private StorageXml() {
    }

    /** Parses a storage fragment (wrapped in the root that binds Confluence's namespaces) into {@code handler}. */
    static void parse(String fragment, DefaultHandler handler) throws SAXException, IOException {
        SAXParser parser = IDLE.get();
        IDLE.remove();
        if (parser == null) {
            parser = newParser();
        } else {
            parser.reset();
        }
        parser.parse(new InputSource(new StringReader(wrap(fragment))), handler);
        IDLE.set(parser);
    }

    private static SAXParser newParser() {
        try {
            return FACTORY.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    static String wrap(String fragment) {
        return ROOT_OPEN + fragment + ROOT_CLOSE;
    }

    private static SAXParserFactory newFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }
}
