package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Follows Confluence's {@code _links.next}. v2 links include {@code /wiki} and are resolved against the
 * request base (the site origin, or the gateway's {@code /ex/confluence/{cloudId}}, whose prefix is
 * kept); v1 links are relative to {@code _links.base}. The link is then re-issued through the same typed
 * endpoint with its {@code cursor}: a link pointing anywhere else (another host, another path) is not
 * followed, so a response can never steer the connector to a URL of its choosing.
 */
final class Cursors {
    private Cursors() {
    }

    /** The cursor of a v2 {@code next} link, if the link resolves to {@code expectedPath} under {@code base}. */
    static Optional<String> v2(String next, URI base, String expectedPath) {
        if (next == null || next.isBlank()) {
            return Optional.empty();
        }
        URI link = parse(next);
        String path = link.getRawPath();
        if (path == null) {
            throw notALink(next);
        }
        if (link.isAbsolute()) {
            if (!sameOrigin(link, base)) {
                return Optional.empty();
            }
            path = stripPrefix(path, base.getRawPath());
        } else {
            path = stripPrefix(path, base.getRawPath()); // a gateway may or may not repeat its prefix
        }
        // Atlassian documents the link with /wiki; accept it without too rather than silently stop paging
        boolean same = path.equals(expectedPath) || ("/wiki" + path).equals(expectedPath);
        return same ? cursor(link.getRawQuery()) : Optional.empty();
    }

    /** The cursor of a v1 {@code next} link joined to {@code _links.base}, if it points at {@code expectedPath}. */
    static Optional<String> v1(String next, String linkBase, URI wikiBase, String expectedPath) {
        if (next == null || next.isBlank()) {
            return Optional.empty();
        }
        URI joined = parse(ConfluenceMapper.join(linkBase == null ? wikiBase.toString() : linkBase, next));
        if (joined.getRawPath() == null || !joined.getRawPath().endsWith(expectedPath)) {
            return Optional.empty();
        }
        return cursor(joined.getRawQuery());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    private static URI parse(String link) {
        try {
            return URI.create(link);
        } catch (IllegalArgumentException e) {
            throw notALink(link);
        }
    }

    /** A next link that is not a URL: Confluence's answer is unusable, the caller did nothing wrong. */
    private static ConnectorException notALink(String link) {
        String shown = link.length() <= 80 ? link : link.substring(0, 77) + "...";
        return new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "Confluence's _links.next is not a link: '"
                + shown.replaceAll("\\p{Cntrl}", " ") + "'");
    }

    private static String stripPrefix(String path, String prefix) {
        if (prefix != null && !prefix.isEmpty() && !prefix.equals("/") && path.startsWith(prefix + "/")) {
            return path.substring(prefix.length());
        }
        return path;
    }

    private static Optional<String> cursor(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("cursor")) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
