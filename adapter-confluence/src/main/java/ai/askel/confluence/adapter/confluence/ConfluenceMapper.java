package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Confluence's wire records to domain values; a field Confluence must send but did not is a CONFLUENCE_ERROR. */
final class ConfluenceMapper {
    /** ISO 8601 (v2), v1's {@code 2024-05-01T10:00:00.000+0000}, and the rate limit's reset written to the minute. */
    private static final List<DateTimeFormatter> TIMESTAMPS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx"),
            new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').appendPattern("HH:mm")
                    .appendOffsetId().toFormatter());

    /** What one unit of a fraction of {@code i} digits is in nanoseconds. */
    private static final int[] NANOS_PER_FRACTION_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private ConfluenceMapper() {
    }

    static Space space(ConfluenceWire.Space s) {
        return new Space(SpaceId.of(required(s.id(), "space id")), SpaceKey.of(required(s.key(), "space key")),
                s.name() == null ? s.key() : s.name(), s.type() == null ? "unknown" : s.type(),
                Optional.ofNullable(s.homepageId()).filter(v -> !v.isBlank()).map(PageId::of));
    }

    static PageVersion version(ConfluenceWire.Version v) {
        if (v == null || v.number() == null) {
            throw malformed("a page without a version number");
        }
        return new PageVersion(Version.of(v.number()), text(v.authorId()), instant(v.createdAt()), text(v.message()));
    }

    static PageVersion version(ConfluenceWire.PageVersion v) {
        if (v.number() == null) {
            throw malformed("a version without a number");
        }
        return new PageVersion(Version.of(v.number()), text(v.authorId()), instant(v.createdAt()), text(v.message()));
    }

    static PageSummary summary(ConfluenceWire.Page p, Optional<SpaceKey> space, URI wikiBase) {
        return new PageSummary(PageId.of(required(p.id(), "page id")), space, Title.of(required(p.title(), "page title")),
                parent(p), version(p.version()), labels(p.labels() == null ? null : p.labels().results()),
                webUrl(p.links(), wikiBase));
    }

    static Optional<PageId> parent(ConfluenceWire.Page p) {
        return Optional.ofNullable(p.parentId()).filter(v -> !v.isBlank() && (p.parentType() == null || "page".equals(p.parentType())))
                .map(PageId::of);
    }

    static Set<Label> labels(Collection<ConfluenceWire.Label> labels) {
        Set<Label> out = new TreeSet<>();
        if (labels != null) {
            for (ConfluenceWire.Label l : labels) {
                if (l.name() != null && isGlobal(l.prefix())) {
                    out.add(Label.of(l.name()));
                }
            }
        }
        return out;
    }

    static Set<Label> v1Labels(List<ConfluenceWire.V1Label> labels) {
        Set<Label> out = new TreeSet<>();
        for (ConfluenceWire.V1Label l : labels) {
            if (l.name() != null && isGlobal(l.prefix())) {
                out.add(Label.of(l.name()));
            }
        }
        return out;
    }

    /** A v1 search hit; {@code null} for content that is not a page (blog posts, attachments, comments). */
    static PageSummary summary(ConfluenceWire.V1Content c, URI wikiBase) {
        if (!"page".equals(c.type())) {
            return null;
        }
        ConfluenceWire.V1Version v = c.version();
        if (v == null || v.number() == null) {
            throw malformed("a search result without a version");
        }
        PageVersion version = new PageVersion(Version.of(v.number()),
                Optional.ofNullable(v.by()).flatMap(by -> text(by.accountId())), instant(v.when()), text(v.message()));
        Set<Label> labels = c.metadata() == null || c.metadata().labels() == null ? Set.of() : v1Labels(c.metadata().labels().items());
        Optional<ConfluenceWire.V1Ancestor> direct = c.ancestors() == null || c.ancestors().isEmpty()
                ? Optional.empty() : Optional.ofNullable(c.ancestors().get(c.ancestors().size() - 1));
        Optional<PageId> parent = direct.map(ConfluenceWire.V1Ancestor::id).filter(id -> !id.isBlank()).map(PageId::of);
        Optional<Title> parentTitle = direct.flatMap(a -> text(a.title())).flatMap(ConfluenceMapper::title);
        String base = c.links() != null && c.links().base() != null ? c.links().base() : wikiBase.toString();
        Optional<String> web = c.links() == null ? Optional.empty() : text(c.links().webui()).map(w -> join(base, w));
        return new PageSummary(PageId.of(required(c.id(), "content id")),
                Optional.ofNullable(c.space()).map(ConfluenceWire.V1Space::key).filter(k -> !k.isBlank()).map(SpaceKey::of),
                Title.of(required(c.title(), "content title")), parent, version, labels, web, expandedAttachments(c, wikiBase),
                parentTitle);
    }

    /** The attachments the {@code children.attachment} expansion carried, only when it carried them all (no next link). */
    private static Optional<List<Attachment>> expandedAttachments(ConfluenceWire.V1Content c, URI wikiBase) {
        if (c.children() == null || c.children().attachment() == null) {
            return Optional.empty();
        }
        ConfluenceWire.V1ContentArray attachments = c.children().attachment();
        if (attachments.links() != null && attachments.links().next() != null && !attachments.links().next().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(attachments.items().stream().filter(a -> "attachment".equals(a.type()))
                .map(a -> attachment(a, wikiBase)).toList());
    }

    static Attachment attachment(ConfluenceWire.V1Content c, URI wikiBase) {
        String mediaType = c.extensions() != null && c.extensions().mediaType() != null ? c.extensions().mediaType()
                : c.metadata() != null && c.metadata().mediaType() != null ? c.metadata().mediaType() : "application/octet-stream";
        long size = c.extensions() != null && c.extensions().fileSize() != null ? c.extensions().fileSize() : 0;
        Optional<String> comment = text(c.extensions() != null ? c.extensions().comment() : null)
                .or(() -> text(c.metadata() != null ? c.metadata().comment() : null));
        int version = c.version() != null && c.version().number() != null ? c.version().number() : 1;
        String base = c.links() != null && c.links().base() != null ? c.links().base() : wikiBase.toString();
        return new Attachment(new AttachmentId(required(c.id(), "attachment id")), required(c.title(), "attachment title"), size, mediaType,
                Version.of(version), comment, c.links() == null ? Optional.empty() : text(c.links().download()).map(d -> join(base, d)),
                Optional.ofNullable(c.version()).map(ConfluenceWire.V1Version::by).flatMap(by -> text(by.accountId())));
    }

    static Attachment attachment(ConfluenceWire.Attachment a, URI wikiBase) {
        Optional<String> download = text(a.downloadLink()).or(() -> a.links() == null ? Optional.empty() : text(a.links().download()));
        return new Attachment(new AttachmentId(required(a.id(), "attachment id")), required(a.title(), "attachment title"),
                a.fileSize() == null ? 0 : a.fileSize(), a.mediaType() == null ? "application/octet-stream" : a.mediaType(),
                Version.of(a.version() == null || a.version().number() == null ? 1 : a.version().number()), text(a.comment()),
                download.map(d -> join(wikiBase.toString(), d)), Optional.ofNullable(a.version()).flatMap(v -> text(v.authorId())));
    }

    static Optional<String> webUrl(ConfluenceWire.Links links, URI wikiBase) {
        if (links == null) {
            return Optional.empty();
        }
        String base = links.base() != null && !links.base().isBlank() ? links.base() : wikiBase.toString();
        return text(links.webui()).map(w -> join(base, w));
    }

    static String join(String base, String relative) {
        if (relative.startsWith("http://") || relative.startsWith("https://")) {
            return relative;
        }
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return relative.startsWith("/") ? b + relative : b + "/" + relative;
    }

    /** A timestamp as Confluence writes it: ISO 8601 with an offset, v1's {@code +0000}, or to the minute; else nothing. */
    static Optional<Instant> instant(String s) {
        if (s == null || s.isBlank() || s.length() > 40) {
            return Optional.empty();
        }
        Optional<Instant> utc = utc(s);
        if (utc.isPresent()) {
            return utc;
        }
        for (DateTimeFormatter format : TIMESTAMPS) {
            try {
                return Optional.of(OffsetDateTime.parse(s.strip(), format).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /**
     * The form Confluence writes almost every timestamp in, {@code 2024-05-01T10:15:30.123Z} (with 0 to 9 digits of
     * fraction), read without a formatter: every page and version carries one, and a formatter's parse was a tenth of
     * the connector's own time on a page read. Anything else is left to the formatters.
     */
    private static Optional<Instant> utc(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || n > 20 && s.charAt(19) != '.') {
            return Optional.empty();
        }
        int fractionDigits = n == 20 ? 0 : n - 21;
        int[] fields = {digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19),
                digits(s, 20, 20 + fractionDigits)};
        for (int field : fields) {
            if (field < 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
                    fields[6] * NANOS_PER_FRACTION_DIGIT[fractionDigits]).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isGlobal(String prefix) {
        return prefix == null || prefix.isBlank() || "global".equals(prefix.toLowerCase(Locale.ROOT));
    }

    /** A title Confluence sent that the connector would refuse (an odd length, say) is left out rather than failing the listing. */
    private static Optional<Title> title(String value) {
        try {
            return Optional.of(Title.of(value));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    static Optional<String> text(String s) {
        return Optional.ofNullable(s).filter(v -> !v.isBlank());
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw malformed("an answer without " + what);
        }
        return value;
    }

    static ConnectorException malformed(String what) {
        return new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "Confluence sent " + what);
    }
}
