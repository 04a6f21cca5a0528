package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A connection's spaces: paged, searchable by key or name, and the one it publishes to chosen. */
final class SpacePages implements WebConsole.Section {
    static final int SPACES_PER_PAGE = 25;
    /** How many spaces a search looks through at most (the user narrows the rest down by typing more). */
    static final int MAX_SPACES_SEARCHED = 1000;

    private final ListConnectionsUseCase list;
    private final ListSpacesUseCase spaces;
    private final ChooseDefaultSpaceUseCase defaults;
    private final ConnectionViews views;

    @Inject
    SpacePages(ListConnectionsUseCase list, ListSpacesUseCase spaces, ChooseDefaultSpaceUseCase defaults, ConnectionViews views) {
        this.list = list;
        this.spaces = spaces;
        this.defaults = defaults;
        this.views = views;
    }

    record SpaceView(String key, String name, String type) {
    }

    record SpacesModel(ConnectionViews.ConnectionView connection, String query, List<SpaceView> spaces, Optional<String> nextPage,
                       boolean truncated) {
    }

    @Override
    public void register(WebConsole console) {
        console.get("/connections/{connection}/spaces", WebConsole.Access.READ, this::spaces);
        console.post("/connections/{connection}/default-space", WebConsole.Access.WRITE, this::choose);
    }

    private void spaces(ConsoleRequest r) {
        ConnectionRef ref = r.pathConnection();
        ConnectionViews.ConnectionView connection = views.view(list.get(ref));
        String query = r.param("q").orElse("");
        String needle = query.toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            Slice<Space> slice = spaces.listSpaces(ref, SPACES_PER_PAGE, r.param("cursor"));
            Optional<String> next = slice.nextCursor().map(c -> WebConsole.BASE + "/connections/" + connection.id() + "/spaces?cursor="
                    + URLEncoder.encode(c, StandardCharsets.UTF_8));
            r.render("spaces", "Spaces", "connections", new SpacesModel(connection, "", slice.items().stream().map(SpacePages::space).toList(),
                    next, false));
            return;
        }
        List<SpaceView> found = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int seen = 0;
        do {
            Slice<Space> slice = spaces.listSpaces(ref, 250, cursor);
            seen += slice.items().size();
            slice.items().stream().filter(s -> s.key().value().toLowerCase(Locale.ROOT).contains(needle)
                    || s.name().toLowerCase(Locale.ROOT).contains(needle)).map(SpacePages::space).forEach(found::add);
            cursor = slice.nextCursor();
        } while (cursor.isPresent() && seen < MAX_SPACES_SEARCHED && found.size() <= SPACES_PER_PAGE);
        r.render("spaces", "Spaces", "connections", new SpacesModel(connection, query, found.stream().limit(SPACES_PER_PAGE).toList(),
                Optional.empty(), cursor.isPresent() || found.size() > SPACES_PER_PAGE));
    }

    private void choose(ConsoleRequest r) {
        ConnectionRef ref = r.pathConnection();
        Connection connection = list.get(ref);
        SpaceKey key = SpaceKey.of(r.required("spaceKey", "spaceKey"));
        defaults.choose(ref, key);
        r.redirect(WebConsole.BASE + "/publish?connection=" + connection.id().value(),
                key.value() + " is now the space " + connection.name() + " publishes to.");
    }

    private static SpaceView space(Space s) {
        return new SpaceView(s.key().value(), s.name(), s.type());
    }
}
