package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The origin of a customer's Confluence Cloud site, always {@code https://<name>.atlassian.net}
 * unless the operator allowed another origin (the local sandbox, a test server). This is the SSRF
 * guard: a site URL is user input, and nothing else may ever be contacted.
 */
public record SiteUrl(String origin) {
    private static final Pattern CLOUD_HOST = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.atlassian\\.net");

    public SiteUrl {
        if (origin == null || !origin.equals(normalise(origin))) {
            throw new IllegalArgumentException("use SiteUrl.parse for user input: " + origin);
        }
    }

    /** Parses a site URL typed by a user; only Cloud sites, and origins on the allow-list, pass. */
    public static SiteUrl parse(String input, Collection<String> allowedOrigins) {
        if (input == null || input.isBlank()) {
            throw rejected("siteUrl is required");
        }
        String trimmed = input.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw rejected("'%s' is not a URL".formatted(Require.shortDisplay(trimmed)));
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.isOpaque()) {
            throw rejected("'%s' is not an absolute URL; use https://<your-site>.atlassian.net".formatted(Require.shortDisplay(trimmed)));
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw rejected("a site URL must not contain user information ('@')");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw rejected("a site URL must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/") || path.equals("/wiki") || path.equals("/wiki/"))) {
            throw rejected("a site URL is just the site, such as https://example.atlassian.net (no path '%s')".formatted(Require.shortDisplay(path)));
        }
        String origin = originOf(uri);
        Set<String> allowed = allowedOrigins.stream().map(SiteUrl::normaliseAllowed).collect(Collectors.toSet());
        if (allowed.contains(origin)) {
            return new SiteUrl(origin);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw rejected("only https Confluence Cloud sites are allowed, not '%s'".formatted(Require.shortDisplay(origin)));
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            throw rejected("a Confluence Cloud site has no port; '%s' is not allowed".formatted(Require.shortDisplay(origin)));
        }
        if (!CLOUD_HOST.matcher(host).matches()) {
            throw rejected("'%s' is not a Confluence Cloud site: use https://<your-site>.atlassian.net".formatted(Require.shortDisplay(host)));
        }
        return new SiteUrl("https://" + host);
    }

    /** The base of the Confluence REST APIs on this site. */
    public String wikiBase() {
        return origin + "/wiki";
    }

    private static String normaliseAllowed(String configured) {
        try {
            return originOf(new URI(configured.strip()));
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalArgumentException("allowed origin is not a URL: " + configured, e);
        }
    }

    private static String normalise(String origin) {
        try {
            return originOf(new URI(origin));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null) {
            throw rejected("'%s' has no host name".formatted(Require.shortDisplay(uri.toString())));
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static ConnectorException rejected(String message) {
        return new ConnectorException(ErrorCode.SITE_NOT_ALLOWED, message);
    }

    @Override
    public String toString() {
        return origin;
    }
}
