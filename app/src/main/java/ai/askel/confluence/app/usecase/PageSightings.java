package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSighting;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ManagedPage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a drift scan sees of the managed pages ({@code docs/drift.md}): one paged CQL query over the managed labels in the
 * managed spaces, with versions, labels, ancestors and (when a runbook has files) each page's attachments expanded, so
 * renames, moves, removed labels and attachment changes cost no call per page; and direct reads, for a page the listing
 * lacks and for the body of a page whose version moved.
 */
final class PageSightings {
    /** Results asked for per CQL request; where Confluence serves fewer, the scan follows the next link. */
    static final int SEARCH_PAGE_SIZE = 250;

    private final ConfluencePagesPort pages;
    private final ConfluenceSearchPort search;

    @Inject
    PageSightings(ConfluencePagesPort pages, ConfluenceSearchPort search) {
        this.pages = pages;
        this.search = search;
    }

    /** What Confluence shows of a managed page: from the CQL listing, or from a direct read (which carries the page in full). */
    record Observed(Title title, Optional<PageId> parentId, Optional<Title> parentTitle, Set<Label> labels, Version version,
                    Optional<Page> page, Optional<List<Attachment>> attachments, Optional<String> webUrl) {
        static Observed of(PageSummary s) {
            return new Observed(s.title(), s.parentId(), s.parentTitle(), s.labels(), s.version().number(), Optional.empty(), s.attachments(),
                    s.webUrl());
        }

        static Observed of(Page p) {
            return new Observed(p.title(), p.parentId(), Optional.empty(), p.labels(), p.version().number(), Optional.of(p), Optional.empty(),
                    p.webUrl());
        }

        /** As the drift rule takes it: with the body when the page was read in full. */
        PageSighting sighting() {
            PageSighting listed = PageSighting.listed(title, parentId, labels, version);
            return page.map(listed::withBodyOf).orElse(listed);
        }
    }

    /**
     * The labels to search by: few labels covering every managed runbook page (greedy set cover, in
     * practice one label such as {@code auto-generated}). A runbook that lost them all is simply
     * missing from the listing and read on its own.
     */
    static Set<Label> coveringLabels(List<ManagedPage> managed) {
        List<Set<Label>> uncovered = managed.stream().map(ManagedPage::labels).filter(l -> !l.isEmpty())
                .map(HashSet::new).collect(Collectors.toCollection(ArrayList::new));
        Set<Label> cover = new TreeSet<>();
        while (!uncovered.isEmpty()) {
            Map<Label, Long> counts = uncovered.stream().flatMap(Set::stream)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Label best = counts.entrySet().stream()
                    .max(Map.Entry.<Label, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            cover.add(best);
            uncovered.removeIf(labels -> labels.contains(best));
        }
        return cover;
    }

    /** The one paged CQL query: managed labels in the managed spaces, with versions, labels, ancestors (and attachments). */
    Map<PageId, Observed> list(ConfluenceAccess access, List<ManagedPage> visible, boolean withAttachments) {
        Set<Label> labels = coveringLabels(visible);
        Map<PageId, Observed> listed = new HashMap<>();
        if (labels.isEmpty()) {
            return listed;
        }
        Set<SpaceKey> inSpaces = SpaceAccessCheck.sorted(visible.stream().map(ManagedPage::space).collect(Collectors.toSet()));
        CqlQuery.Builder query = CqlQuery.builder().type("page");
        query = inSpaces.size() == 1 ? query.space(inSpaces.iterator().next()) : query.spaces(inSpaces);
        query = labels.size() == 1 ? query.label(labels.iterator().next()) : query.labels(labels);
        try (Stream<PageSummary> results = withAttachments
                ? search.streamWithAttachments(access, query.build(), SEARCH_PAGE_SIZE)
                : search.stream(access, query.build(), SEARCH_PAGE_SIZE)) {
            results.forEach(s -> listed.put(s.id(), Observed.of(s)));
        }
        return listed;
    }

    /** A page read directly; empty when Confluence answers that it is deleted or in the trash. */
    Optional<Page> read(ConfluenceAccess access, PageId id) {
        return pages.read(access, id);
    }
}
