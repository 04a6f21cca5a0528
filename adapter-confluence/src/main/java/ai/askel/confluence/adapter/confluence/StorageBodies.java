package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.InvalidStorageFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Storage bodies read back from Confluence. Older pages and the editor can hold HTML's named entities (such as
 * {@code &nbsp;} or {@code &eacute;}) that the domain's strict XML check refuses; they are rewritten to the
 * equivalent numeric references, which is what Confluence itself treats them as (outside CDATA sections and comments,
 * whose text is literal). The names are XHTML 1.0's
 * ({@code xhtml-entities.properties}), read on the first body that needs them. A name outside that set leaves
 * the body invalid, and the read fails with {@code CONFLUENCE_ERROR} naming where.
 */
final class StorageBodies {
    /** A named entity, or a CDATA section or comment, whose text is literal and is kept as it is (a code sample's &eacute;). */
    private static final Pattern NAMED = Pattern.compile("<!\\[CDATA\\[.*?]]>|<!--.*?-->|&([A-Za-z][A-Za-z0-9]{1,9});", Pattern.DOTALL);

    private StorageBodies() {
    }

    static PageBody fromConfluence(String value) {
        String v = value == null ? "" : value;
        try {
            return PageBody.storage(v);
        } catch (InvalidStorageFormatException e) {
            Matcher m = NAMED.matcher(v);
            String numeric = m.replaceAll(r -> {
                Integer cp = r.group(1) == null ? null : Entities.CODE_POINTS.get(r.group(1));
                return cp == null ? Matcher.quoteReplacement(r.group()) : "&#" + cp + ";";
            });
            try {
                return PageBody.storage(numeric);
            } catch (InvalidStorageFormatException again) {
                throw new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "Confluence sent a page body that is not valid storage format: "
                        + again.getMessage(), null, again);
            }
        }
    }

    /** XHTML's named entities and their code points, loaded when a body first needs them. */
    private static final class Entities {
        static final Map<String, Integer> CODE_POINTS = load();

        private static Map<String, Integer> load() {
            Properties names = new Properties();
            try (InputStream in = StorageBodies.class.getResourceAsStream("xhtml-entities.properties")) {
                if (in == null) {
                    throw new IllegalStateException("xhtml-entities.properties is missing from the connector's jar");
                }
                names.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("xhtml-entities.properties could not be read", e);
            }
            return names.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(n -> n, n -> Integer.valueOf(names.getProperty(n))));
        }
    }
}
