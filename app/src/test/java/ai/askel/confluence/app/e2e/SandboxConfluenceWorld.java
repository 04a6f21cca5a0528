package ai.askel.confluence.app.e2e;

import ai.askel.confluence.adapter.confluence.ConfluenceWorld;
import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.SandboxUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The port contracts' world in the sandbox: things are made to exist through its Java API, seen as Ada. */
final class SandboxConfluenceWorld implements ConfluenceWorld {
    private static final String USER = "ada@example.com";
    private final ConfluenceSandbox sandbox;
    private final ConfluenceAccess access;

    SandboxConfluenceWorld(ConfluenceSandbox sandbox) {
        this.sandbox = sandbox;
        SandboxUser ada = ada();
        this.access = new ConfluenceAccess(ConnectionId.random(), SiteUrl.parse(sandbox.baseUrl(), List.of(sandbox.baseUrl())),
                Optional.empty(), EmailAddress.of(ada.email()), Secret.of(ada.apiToken(), "apiToken"));
    }

    private SandboxUser ada() {
        return sandbox.users().stream().filter(u -> u.email().equals(USER)).findFirst().orElseThrow();
    }

    @Override
    public ConfluenceAccess access() {
        return access;
    }

    @Override
    public ConfluenceUser currentUser() {
        return new ConfluenceUser(ada().accountId(), ada().displayName());
    }

    @Override
    public void givenSpace(SpaceKey key, String name) {
        try {
            sandbox.spaceId(key.value());
        } catch (RuntimeException absent) {
            sandbox.addSpace(key.value(), name);
        }
    }

    @Override
    public PageId givenPage(SpaceKey space, Title title, String storageBody, Set<Label> labels) {
        sandbox.findPageId(space.value(), title.value()).ifPresent(old -> sandbox.trashPage(old, USER));
        String id = sandbox.createPage(space.value(), title.value(), storageBody, USER);
        if (!labels.isEmpty()) {
            sandbox.addLabels(id, labels.stream().map(Label::name).toArray(String[]::new));
        }
        return PageId.of(id);
    }

    @Override
    public PageId absentPage() {
        return PageId.of("987654321");
    }
}
