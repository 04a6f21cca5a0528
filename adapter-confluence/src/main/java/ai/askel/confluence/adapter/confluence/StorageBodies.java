package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.InvalidStorageFormatException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Storage bodies read back from Confluence. Older pages can hold HTML-only entities (such as
 * {@code &nbsp;}) that the domain's strict XML check refuses; they are rewritten to the equivalent
 * numeric references, which is what Confluence itself treats them as.
 */
final class StorageBodies {
    private static final Pattern NAMED = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,9});");
    private static final Map<String, Integer> HTML = Map.ofEntries(
            Map.entry("nbsp", 160), Map.entry("ndash", 8211), Map.entry("mdash", 8212), Map.entry("hellip", 8230),
            Map.entry("lsquo", 8216), Map.entry("rsquo", 8217), Map.entry("ldquo", 8220), Map.entry("rdquo", 8221),
            Map.entry("copy", 169), Map.entry("reg", 174), Map.entry("trade", 8482), Map.entry("euro", 8364),
            Map.entry("bull", 8226), Map.entry("middot", 183), Map.entry("times", 215), Map.entry("laquo", 171),
            Map.entry("raquo", 187), Map.entry("deg", 176), Map.entry("rarr", 8594), Map.entry("larr", 8592));

    private StorageBodies() {
    }

    static PageBody fromConfluence(String value) {
        String v = value == null ? "" : value;
        try {
            return PageBody.storage(v);
        } catch (InvalidStorageFormatException e) {
            Matcher m = NAMED.matcher(v);
            String numeric = m.replaceAll(r -> {
                Integer cp = HTML.get(r.group(1));
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
}
