package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Connections at a glance, connecting a site, rotating and removing, and picking a space. */
final class ConnectionPages implements WebConsole.Section {
    static final String TOKEN_PAGE = "https://id.atlassian.com/manage-profile/security/api-tokens";
    private static final int SPACES_PER_PAGE = 25;
    /** How many spaces a search looks through at most (the user filters the rest by typing more). */
    private static final int MAX_SPACES_SEARCHED = 1000;

    private final ListConnectionsUseCase list;
    private final RegisterConnectionUseCase register;
    private final VerifyConnectionUseCase verify;
    private final RotateCredentialsUseCase rotate;
    private final RemoveConnectionUseCase remove;
    private final ListSpacesUseCase spaces;
    private final CheckDriftUseCase drift;

    @Inject
    ConnectionPages(ListConnectionsUseCase list, RegisterConnectionUseCase register, VerifyConnectionUseCase verify,
                    RotateCredentialsUseCase rotate, RemoveConnectionUseCase remove, ListSpacesUseCase spaces, CheckDriftUseCase drift) {
        this.list = list;
        this.register = register;
        this.verify = verify;
        this.rotate = rotate;
        this.remove = remove;
        this.spaces = spaces;
        this.drift = drift;
    }

    /** One row of the connections page: who, where, and whether it works. */
    record ConnectionView(String id, String name, String site, String email, String health, String healthClass,
                          List<String> warnings, String tokenExpiry, Optional<String> defaultSpace) {
    }

    record ConnectionsModel(List<ConnectionView> connections) {
    }

    record ConnectModel(String name, String siteUrl, String email, String tokenExpiresOn, Optional<Explain.Problem> problem,
                        String tokenPage) {
    }

    record RotateModel(ConnectionView connection, Optional<Explain.Problem> problem, String tokenPage) {
    }

    record SpaceView(String key, String name, String type) {
    }

    record SpacesModel(ConnectionView connection, String query, List<SpaceView> spaces, Optional<String> nextCursor,
                       boolean truncated) {
    }

    @Override
    public void register(WebConsole console) {
        console.get("/connections", WebConsole.Access.READ, this::connections);
        console.get("/connect", WebConsole.Access.WRITE, r -> r.render("connect", "Connect a site", "connect",
                new ConnectModel("", "", "", "", Optional.empty(), TOKEN_PAGE)));
        console.post("/connect", WebConsole.Access.WRITE, this::connect);
        console.post("/connections/{connection}/verify", WebConsole.Access.WRITE, this::verify);
        console.get("/connections/{connection}/rotate", WebConsole.Access.WRITE, r -> r.render("rotate", "Rotate the API token",
                "connections", new RotateModel(view(r, list.get(r.pathConnection())), Optional.empty(), TOKEN_PAGE)));
        console.post("/connections/{connection}/rotate", WebConsole.Access.WRITE, this::rotate);
        console.post("/connections/{connection}/remove", WebConsole.Access.WRITE, this::remove);
        console.get("/connections/{connection}/spaces", WebConsole.Access.READ, this::spaces);
        console.post("/connections/{connection}/default-space", WebConsole.Access.WRITE, this::chooseSpace);
    }

    private void connections(ConsoleRequest r) {
        List<ConnectionView> views = list.list(r.session().caller().workspace()).stream().map(c -> view(r, c)).toList();
        r.render("connections", "Connections", "connections", new ConnectionsModel(views));
    }

    ConnectionView view(ConsoleRequest r, Connection c) {
        ConnectionRef ref = new ConnectionRef(c.workspace(), c.id());
        List<String> warnings = new ArrayList<>();
        boolean bad = c.status() == ConnectionStatus.CREDENTIALS_REJECTED;
        for (DriftFinding f : drift.openFindings(ref)) {
            if (!f.kind().concernsPage()) {
                warnings.add(OversightPages.explainKind(f.kind()) + " (seen " + Dates.when(f.lastSeen()) + ")");
                bad = bad || f.kind() == ai.askel.confluence.domain.DriftKind.PERMISSION_LOST
                        || f.kind() == ai.askel.confluence.domain.DriftKind.CREDENTIALS_REJECTED;
            }
        }
        String expiry = c.tokenExpiresOn().map(d -> {
            long days = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), d);
            return days < 0 ? "expired on " + d : days == 0 ? "expires today" : "expires in " + days + " day" + (days == 1 ? "" : "s") + " (" + d + ")";
        }).orElse("no expiry date given");
        boolean expiringSoon = c.tokenExpiresOn().map(d -> ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), d) <= 14).orElse(false);
        String health = c.status() == ConnectionStatus.CREDENTIALS_REJECTED ? "Credentials rejected"
                : bad ? "Needs attention" : expiringSoon || !warnings.isEmpty() ? "Verified, with warnings" : "Verified";
        String healthClass = bad ? "bad" : expiringSoon || !warnings.isEmpty() ? "warn" : "ok";
        return new ConnectionView(c.id().value(), c.name(), c.site().origin(), c.email().value(), health, healthClass,
                warnings, expiry, r.session().defaultSpace(c.id().value()));
    }

    private void connect(ConsoleRequest r) {
        String name = r.param("name").orElse("");
        String site = r.param("siteUrl").orElse("");
        String email = r.param("email").orElse("");
        String expires = r.param("tokenExpiresOn").orElse("");
        String token = r.param("apiToken").orElse("");
        try {
            if (token.isEmpty()) {
                throw InvalidInputException.of("apiToken", "is required: paste the API token created at id.atlassian.com");
            }
            Connection connection = register.register(new RegisterConnectionCommand(r.session().caller().workspace(),
                    name.isEmpty() ? defaultName(site) : name, site, email, Secret.of(token, "apiToken"), Optional.empty(), date(expires)));
            ConnectionRef ref = new ConnectionRef(connection.workspace(), connection.id());
            if (spaces.listSpaces(ref, 1, Optional.empty()).items().isEmpty()) {
                remove.remove(ref);
                throw new ConnectorException(ai.askel.confluence.domain.error.ErrorCode.PERMISSION_DENIED,
                        "the credentials work, but the user cannot see any space; nothing was saved");
            }
            r.redirect(WebConsole.BASE + "/connections/" + connection.id().value() + "/spaces",
                    "Connected to " + connection.site().origin() + " as " + connection.email().value() + ". Now pick the space to publish in.");
        } catch (ConnectorException e) {
            r.ctx().status(Explain.of(e).status());
            r.render("connect", "Connect a site", "connect", new ConnectModel(name, site, email, expires, Optional.of(Explain.of(e)),
                    TOKEN_PAGE));
        }
    }

    private void verify(ConsoleRequest r) {
        Connection verified = verify.verify(r.pathConnection());
        r.redirect(WebConsole.BASE + "/connections", verified.status() == ConnectionStatus.ACTIVE
                ? "Confluence accepted the credentials of " + verified.name() + "."
                : "Confluence rejected the credentials of " + verified.name() + ": rotate the API token.");
    }

    private void rotate(ConsoleRequest r) {
        ConnectionRef ref = r.pathConnection();
        String token = r.param("apiToken").orElse("");
        try {
            if (token.isEmpty()) {
                throw InvalidInputException.of("apiToken", "is required: paste the new API token");
            }
            Connection rotated = rotate.rotate(new RotateCredentialsCommand(ref, r.param("email"), Secret.of(token, "apiToken"),
                    date(r.param("tokenExpiresOn").orElse(""))));
            r.redirect(WebConsole.BASE + "/connections", "The new API token of " + rotated.name() + " works and replaced the old one.");
        } catch (ConnectorException e) {
            r.ctx().status(Explain.of(e).status());
            r.render("rotate", "Rotate the API token", "connections", new RotateModel(view(r, list.get(ref)), Optional.of(Explain.of(e)),
                    TOKEN_PAGE));
        }
    }

    private void remove(ConsoleRequest r) {
        ConnectionRef ref = r.pathConnection();
        Connection connection = list.get(ref);
        remove.remove(ref);
        r.redirect(WebConsole.BASE + "/connections", "Removed " + connection.name() + ". Its pages in Confluence were left as they are.");
    }

    private void spaces(ConsoleRequest r) {
        ConnectionRef ref = r.pathConnection();
        ConnectionView connection = view(r, list.get(ref));
        String query = r.param("q").orElse("").toLowerCase(Locale.ROOT);
        Optional<String> cursor = r.param("cursor");
        if (query.isEmpty()) {
            Slice<Space> slice = spaces.listSpaces(ref, SPACES_PER_PAGE, cursor);
            r.render("spaces", "Spaces", "connections", new SpacesModel(connection, "", slice.items().stream().map(ConnectionPages::space).toList(),
                    slice.nextCursor(), false));
            return;
        }
        List<SpaceView> found = new ArrayList<>();
        Optional<String> next = Optional.empty();
        int seen = 0;
        do {
            Slice<Space> slice = spaces.listSpaces(ref, 250, next);
            seen += slice.items().size();
            slice.items().stream().filter(s -> s.key().value().toLowerCase(Locale.ROOT).contains(query)
                    || s.name().toLowerCase(Locale.ROOT).contains(query)).map(ConnectionPages::space).forEach(found::add);
            next = slice.nextCursor();
        } while (next.isPresent() && seen < MAX_SPACES_SEARCHED && found.size() < SPACES_PER_PAGE);
        r.render("spaces", "Spaces", "connections", new SpacesModel(connection, r.param("q").orElse(""),
                found.stream().limit(SPACES_PER_PAGE).toList(), Optional.empty(), next.isPresent() || found.size() > SPACES_PER_PAGE));
    }

    private void chooseSpace(ConsoleRequest r) {
        ConnectionRef ref = r.pathConnection();
        Connection connection = list.get(ref);
        String key = r.required("spaceKey", "spaceKey");
        ai.askel.confluence.domain.SpaceKey.of(key);
        r.session().rememberDefaultSpace(connection.id().value(), key);
        r.redirect(WebConsole.BASE + "/publish?connection=" + connection.id().value(),
                key + " is now the space " + connection.name() + " publishes to.");
    }

    private static SpaceView space(Space s) {
        return new SpaceView(s.key().value(), s.name(), s.type());
    }

    private static String defaultName(String site) {
        String host = site.replaceFirst("^https?://", "").replaceFirst("[/:].*$", "");
        return host.isEmpty() ? "confluence" : host;
    }

    private static Optional<LocalDate> date(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("tokenExpiresOn", "'%s' is not a date such as 2027-06-30".formatted(value));
        }
    }
}
