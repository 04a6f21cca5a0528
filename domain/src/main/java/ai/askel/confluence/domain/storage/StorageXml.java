package ai.askel.confluence.domain.storage;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;

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

    private StorageXml() {
    }

    static SAXParser newParser() {
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
