package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.NewPage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pages via v2 {@code /pages}. */
@Singleton
final class ConfluencePagesAdapter implements ConfluencePagesPort {
    private final ConfluenceClients clients;
    private final CallPolicy policy;
    private final SpaceDirectory directory;
    private final PageLabelReader labelReader;

    @Inject
    ConfluencePagesAdapter(ConfluenceClients clients, SpaceDirectory directory, PageLabelReader labelReader) {
        this.clients = clients;
        this.policy = clients.policy();
        this.directory = directory;
        this.labelReader = labelReader;
    }

    @Override
    public Page create(ConfluenceAccess access, NewPage page) {
        ConnectionClient c = clients.of(access);
        SpaceId spaceId = directory.idOf(c, page.space());
        var request = new ConfluenceWire.NewPage(spaceId.value(), "current", page.title().value(),
                page.parentId().map(PageId::value).orElse(null), bodyOf(page.body()));
        var created = policy.call("page '" + page.title() + "' in space " + page.space(), Replay.ONLY_IF_REJECTED,
                () -> c.api().createPage(request));
        // A new page has no labels yet; the body is the one sent (Confluence converts wiki markup on its side).
        return toPage(c, created, page.space(), page.body(), Set.of());
    }

    @Override
    public Optional<Page> read(ConfluenceAccess access, PageId id) {
        ConnectionClient c = clients.of(access);
        return readCurrent(c, id);
    }

    @Override
    public Optional<PageSummary> findByTitle(ConfluenceAccess access, SpaceKey space, Title title) {
        ConnectionClient c = clients.of(access);
        Optional<SpaceId> spaceId = directory.find(c, space).map(s -> s.id());
        if (spaceId.isEmpty()) {
            return Optional.empty();
        }
        var found = policy.call("page '" + title + "' in space " + space, Replay.SAFE,
                () -> c.api().pagesByTitle(spaceId.get().value(), title.value()));
        return found.items().stream()
                .filter(p -> title.value().equals(p.title()))
                .findFirst()
                .map(p -> ConfluenceMapper.summary(p, Optional.of(space), c.wikiBase()));
    }

    /**
     * One PUT of the revision. The PUT is replayed when its answer is lost (its version number makes a
     * replay harmless), so a replay refused with 409 may mean the first PUT was applied: then the page is
     * read once, and if it holds exactly this revision the write succeeded.
     */
    @Override
    public PageVersion write(ConfluenceAccess access, PageRevision revision) {
        ConnectionClient c = clients.of(access);
        var body = new ConfluenceWire.PageUpdate(revision.pageId().value(), "current", revision.title().value(), bodyOf(revision.body()),
                new ConfluenceWire.NewVersion(revision.version().number(), revision.message().orElse(null)));
        AtomicInteger sent = new AtomicInteger();
        try {
            var written = policy.call("page " + revision.pageId(), Replay.SAFE, () -> {
                sent.incrementAndGet();
                return c.api().updatePage(revision.pageId().value(), body);
            });
            return ConfluenceMapper.version(written.version());
        } catch (VersionConflictException conflict) {
            if (sent.get() < 2) {
                throw conflict;
            }
            return readCurrent(c, revision.pageId()).filter(page -> page.isResultOf(revision)).map(Page::version)
                    .orElseThrow(() -> conflict);
        }
    }

    @Override
    public Slice<PageVersion> versions(ConfluenceAccess access, PageId id, int limit, Optional<String> cursor) {
        ConnectionClient c = clients.of(access);
        var page = policy.call("versions of page " + id, Replay.SAFE, () -> c.api().versions(id.value(), Limits.v2(limit), cursor.orElse(null)));
        return new Slice<>(page.items().stream().map(ConfluenceMapper::version).toList(),
                Cursors.v2(page.links() == null ? null : page.links().next(), c.base(), "/wiki/api/v2/pages/" + id + "/versions"));
    }

    @Override
    public Optional<Page> readVersion(ConfluenceAccess access, PageId id, Version version) {
        ConnectionClient c = clients.of(access);
        ConfluenceWire.Page p;
        try {
            p = policy.call("version " + version + " of page " + id, Replay.SAFE, () -> c.api().pageVersion(id.value(), version.number()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        SpaceKey space = directory.keyOf(c, SpaceId.of(ConfluenceMapper.required(p.spaceId(), "space id")));
        // Confluence does not version labels: an old version is returned without any.
        return Optional.of(toPage(c, p, space, null, Set.of()));
    }

    @Override
    public Slice<PageSummary> children(ConfluenceAccess access, PageId id, int limit, Optional<String> cursor) {
        ConnectionClient c = clients.of(access);
        var kids = policy.call("children of page " + id, Replay.SAFE,
                () -> c.api().children(id.value(), Limits.v2(limit), cursor.orElse(null)));
        Optional<String> next = Cursors.v2(kids.links() == null ? null : kids.links().next(), c.base(), "/wiki/api/v2/pages/" + id + "/direct-children");
        List<String> pageIds = kids.items().stream().filter(k -> "page".equals(k.type())).map(ConfluenceWire.Child::id).toList();
        if (pageIds.isEmpty()) {
            return new Slice<>(List.of(), next);
        }
        // direct-children carries no versions: one batched GET /pages?id=... fills them in.
        var pages = policy.call("children of page " + id, Replay.SAFE, () -> c.api().pagesById(pageIds));
        Map<String, ConfluenceWire.Page> byId = pages.items().stream().collect(Collectors.toMap(ConfluenceWire.Page::id, Function.identity(), (a, b) -> a));
        List<PageSummary> out = new ArrayList<>();
        for (String pid : pageIds) {
            ConfluenceWire.Page p = byId.get(pid);
            if (p != null) {
                Optional<SpaceKey> space = Optional.ofNullable(p.spaceId()).map(s -> directory.keyOf(c, SpaceId.of(s)));
                out.add(ConfluenceMapper.summary(p, space, c.wikiBase()));
            }
        }
        return new Slice<>(out, next);
    }

    @Override
    public List<PageId> ancestors(ConfluenceAccess access, PageId id) {
        ConnectionClient c = clients.of(access);
        List<PageId> chain = new ArrayList<>();
        PageId from = id;
        // Top-down; with more than one page of ancestors, the next call starts from the highest one seen.
        for (int guard = 0; guard < 100; guard++) {
            PageId start = from;
            var page = policy.call("ancestors of page " + start, Replay.SAFE, () -> c.api().ancestors(start.value()));
            List<PageId> ids = page.items().stream().filter(a -> a.type() == null || "page".equals(a.type()))
                    .map(a -> PageId.of(a.id())).toList();
            chain.addAll(0, ids);
            boolean more = page.links() != null && page.links().next() != null;
            if (!more || page.items().isEmpty()) {
                break;
            }
            from = PageId.of(page.items().get(0).id());
        }
        return List.copyOf(chain);
    }

    Optional<Page> readCurrent(ConnectionClient c, PageId id) {
        ConfluenceWire.Page p;
        try {
            p = policy.call("page " + id, Replay.SAFE, () -> c.api().page(id.value()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Set<Label> labels = p.labels() != null && p.labels().meta() != null && Boolean.TRUE.equals(p.labels().meta().hasMore())
                ? labelReader.all(c, id)
                : ConfluenceMapper.labels(p.labels() == null ? null : p.labels().results());
        SpaceKey space = directory.keyOf(c, SpaceId.of(ConfluenceMapper.required(p.spaceId(), "space id")));
        return Optional.of(toPage(c, p, space, null, labels));
    }

    private static Page toPage(ConnectionClient c, ConfluenceWire.Page p, SpaceKey space, PageBody sent, Set<Label> labels) {
        PageBody body = sent != null ? sent
                : StorageBodies.fromConfluence(p.body() == null || p.body().storage() == null ? "" : p.body().storage().value());
        return new Page(PageId.of(ConfluenceMapper.required(p.id(), "page id")), space, Title.of(ConfluenceMapper.required(p.title(), "page title")),
                ConfluenceMapper.parent(p), body, ConfluenceMapper.version(p.version()), labels, ConfluenceMapper.webUrl(p.links(), c.wikiBase()));
    }

    private static ConfluenceWire.BodyValue bodyOf(PageBody body) {
        return new ConfluenceWire.BodyValue(body.representation().wireName(), body.value());
    }
}
