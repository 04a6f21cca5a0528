package ai.askel.confluence.cli;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.in.UpdatedPage;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Pages: read, create, update, search, history and children. */
@Command(name = "page", description = "Reads, creates, updates and searches pages.",
        subcommands = {PageCommand.Get.class, PageCommand.Create.class, PageCommand.Update.class, PageCommand.Search.class,
                PageCommand.Versions.class, PageCommand.Children.class})
final class PageCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String describe(Page p) {
        return p.id() + "  \"" + p.title() + "\" in " + p.space() + ", version " + p.version().number()
                + p.parentId().map(id -> ", parent " + id).orElse("")
                + (p.labels().isEmpty() ? "" : ", labels " + String.join(", ", Views.labels(p.labels())))
                + p.webUrl().map(u -> "\n" + u).orElse("");
    }

    static String describe(PageSummary p) {
        return p.id() + "  v" + p.version().number() + "  " + p.space().map(Object::toString).orElse("?") + "  " + p.title();
    }

    @Command(name = "get", description = "Reads a page: title, labels, version, space and body.")
    static final class Get extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(paramLabel = "PAGE_ID")
        String pageId;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                Page page = askel.readPage().read(connection(askel, connection.value), PageId.of(pageId));
                return new Printed(Views.page(page), describe(page) + "\n\n" + page.body().value());
            });
        }
    }

    @Command(name = "create", description = "Creates a page, optionally under a parent and with labels.")
    static final class Create extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Option(names = "--space", required = true)
        String space;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--parent", paramLabel = "PAGE_ID")
        String parent;

        @ArgGroup(exclusive = false, multiplicity = "1")
        BodyOptions body;

        @Option(names = "--label", description = "A label (repeatable).")
        List<String> labels = List.of();

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                Set<Label> labelSet = labels.stream().map(Label::of).collect(Collectors.toSet());
                Page page = askel.createPage().create(new CreatePageCommand(connection(askel, connection.value), SpaceKey.of(space),
                        Title.of(title), Optional.ofNullable(parent).map(PageId::of), body.body(), labelSet));
                return new Printed(Views.page(page), "created " + describe(page));
            });
        }
    }

    @Command(name = "update", description = "Writes the page's next version (Confluence keeps the history).")
    static final class Update extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(paramLabel = "PAGE_ID")
        String pageId;

        @Option(names = "--title", description = "A new title (default: unchanged).")
        String title;

        @ArgGroup(exclusive = false, multiplicity = "1")
        BodyOptions body;

        @Option(names = "--base-version", description = "Refuse the update if the page is no longer at this version.")
        Integer baseVersion;

        @Option(names = "--message", description = "A version message.")
        String message;

        @Option(names = "--force", description = "Write a version even when the title and body are those the page has.")
        boolean force;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                UpdatedPage updated = askel.updatePage().update(new UpdatePageCommand(connection(askel, connection.value), PageId.of(pageId),
                        Optional.ofNullable(title).map(Title::of), body.body(), Optional.ofNullable(baseVersion).map(Version::of),
                        Optional.ofNullable(message), force));
                Page page = updated.page();
                Map<String, Object> view = new LinkedHashMap<>(Views.page(page));
                view.put("changed", updated.changed());
                return new Printed(view, (updated.changed() ? "updated " : "unchanged (nothing written) ") + describe(page));
            });
        }
    }

    @Command(name = "search", description = "Searches pages with CQL, from typed filters or raw --cql.")
    static final class Search extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Option(names = "--space")
        String space;

        @Option(names = "--title", description = "Exact title.")
        String title;

        @Option(names = "--title-contains", description = "Words in the title.")
        String titleContains;

        @Option(names = "--label")
        String label;

        @Option(names = "--modified-since", paramLabel = "YYYY-MM-DD")
        LocalDate modifiedSince;

        @Option(names = "--cql", description = "Raw CQL instead of the filters above.")
        String cql;

        @Mixin
        PagingOptions paging;

        @Override
        protected int execute() throws Exception {
            CqlQuery query = cql != null ? CqlQuery.raw(cql) : typedQuery();
            return printed(askel -> {
                Slice<PageSummary> found = askel.searchPages().search(connection(askel, connection.value), query, paging.limit,
                        paging.cursor());
                return new Printed(Views.page(found.items().stream().map(Views::summary).toList(), found.nextCursor()),
                        found.items().isEmpty() ? "no pages match " + query : found.items().stream().map(PageCommand::describe)
                                .collect(Collectors.joining("\n")) + PagingOptions.more(found.nextCursor()));
            });
        }

        private CqlQuery typedQuery() {
            CqlQuery.Builder q = CqlQuery.builder().type("page");
            if (space != null) {
                q.space(SpaceKey.of(space));
            }
            if (title != null) {
                q.titleEquals(title);
            }
            if (titleContains != null) {
                q.titleContains(titleContains);
            }
            if (label != null) {
                q.label(Label.of(label));
            }
            if (modifiedSince != null) {
                q.lastModifiedSince(modifiedSince);
            }
            return q.build();
        }
    }

    @Command(name = "versions", description = "Lists a page's versions, newest first.")
    static final class Versions extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(paramLabel = "PAGE_ID")
        String pageId;

        @Mixin
        PagingOptions paging;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                ConnectionRef ref = connection(askel, connection.value);
                Slice<PageVersion> versions = askel.listPageVersions().versions(ref, PageId.of(pageId), paging.limit, paging.cursor());
                return new Printed(Views.page(versions.items().stream().map(Views::version).toList(), versions.nextCursor()),
                        versions.items().stream().map(v -> "v" + v.number() + "  " + v.createdAt().map(Object::toString).orElse("")
                                + "  " + v.authorId().orElse("") + "  " + v.message().orElse("")).collect(Collectors.joining("\n"))
                                + PagingOptions.more(versions.nextCursor()));
            });
        }
    }

    @Command(name = "children", description = "Lists a page's direct children.")
    static final class Children extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(paramLabel = "PAGE_ID")
        String pageId;

        @Mixin
        PagingOptions paging;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                Slice<PageSummary> children = askel.listChildPages().children(connection(askel, connection.value), PageId.of(pageId),
                        paging.limit, paging.cursor());
                return new Printed(Views.page(children.items().stream().map(Views::summary).toList(), children.nextCursor()),
                        children.items().isEmpty() ? "no child pages" : children.items().stream().map(PageCommand::describe)
                                .collect(Collectors.joining("\n")) + PagingOptions.more(children.nextCursor()));
            });
        }
    }
}
