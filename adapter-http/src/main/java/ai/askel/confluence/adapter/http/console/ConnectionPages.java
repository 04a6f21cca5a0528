package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.InvalidInputException;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Connections at a glance, connecting a site, rotating and removing, and picking a space. */
final class ConnectionPages implements WebConsole.Section {
    static final String TOKEN_PAGE = "https://id.atlassian.com/manage-profile/security/api-tokens";

    private final ListConnectionsUseCase list;
    private final RegisterConnectionUseCase register;
    private final VerifyConnectionUseCase verify;
    private final RotateCredentialsUseCase rotate;
    private final RemoveConnectionUseCase remove;
    private final ListSpacesUseCase spaces;
    private final ConnectionViews views;

    @Inject
    ConnectionPages(ListConnectionsUseCase list, RegisterConnectionUseCase register, VerifyConnectionUseCase verify,
                    RotateCredentialsUseCase rotate, RemoveConnectionUseCase remove, ListSpacesUseCase spaces, ConnectionViews views) {
        this.list = list;
        this.register = register;
        this.verify = verify;
        this.rotate = rotate;
        this.remove = remove;
        this.spaces = spaces;
        this.views = views;
    }

    record ConnectionsModel(List<ConnectionViews.ConnectionView> connections) {
    }

    record ConnectModel(String name, String siteUrl, String email, String tokenExpiresOn, Optional<Explain.Problem> problem,
                        String tokenPage) {
    }

    record RotateModel(ConnectionViews.ConnectionView connection, Optional<Explain.Problem> problem, String tokenPage) {
    }

    @Override
    public void register(WebConsole console) {
        console.get("/connections", WebConsole.Access.READ, this::connections);
        console.get("/connect", WebConsole.Access.WRITE, r -> r.render("connect", "Connect a site", "connect",
                new ConnectModel("", "", "", "", Optional.empty(), TOKEN_PAGE)));
        console.post("/connect", WebConsole.Access.WRITE, this::connect);
        console.post("/connections/{connection}/verify", WebConsole.Access.WRITE, this::verify);
        console.get("/connections/{connection}/rotate", WebConsole.Access.WRITE, r -> r.render("rotate", "Rotate the API token",
                "connections", new RotateModel(views.view(list.get(r.pathConnection())), Optional.empty(), TOKEN_PAGE)));
        console.post("/connections/{connection}/rotate", WebConsole.Access.WRITE, this::rotate);
        console.post("/connections/{connection}/remove", WebConsole.Access.WRITE, this::remove);
    }

    private void connections(ConsoleRequest r) {
        List<ConnectionViews.ConnectionView> rows = list.list(r.session().caller().workspace()).stream().map(views::view).toList();
        r.render("connections", "Connections", "connections", new ConnectionsModel(rows));
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
            r.render("rotate", "Rotate the API token", "connections", new RotateModel(views.view(list.get(ref)), Optional.of(Explain.of(e)),
                    TOKEN_PAGE));
        }
    }

    private void remove(ConsoleRequest r) {
        ConnectionRef ref = r.pathConnection();
        Connection connection = list.get(ref);
        remove.remove(ref);
        r.redirect(WebConsole.BASE + "/connections", "Removed " + connection.name() + ". Its pages in Confluence were left as they are.");
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
