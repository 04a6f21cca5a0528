package ai.askel.confluence.app.usecase;

import ai.askel.confluence.adapter.confluence.ConfluencePortContracts;
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
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * adapter-confluence's port contracts, run against the fake the use-case tests rely on: what those tests learn from the
 * fake holds only while it behaves as the real adapters do.
 */
class FakeConfluenceContractTest {
    private final FakeConfluence confluence = new FakeConfluence();
    private final FakeWorld world = new FakeWorld(confluence);

    @Nested
    class Spaces extends ConfluencePortContracts.SpacesContract {
        @Override
        protected ConfluenceWorld world() {
            return world;
        }

        @Override
        protected ConfluenceSpacesPort port() {
            return confluence;
        }
    }

    @Nested
    class Pages extends ConfluencePortContracts.PagesContract {
        @Override
        protected ConfluenceWorld world() {
            return world;
        }

        @Override
        protected ConfluencePagesPort port() {
            return confluence;
        }
    }

    @Nested
    class Labels extends ConfluencePortContracts.LabelsContract {
        @Override
        protected ConfluenceWorld world() {
            return world;
        }

        @Override
        protected ConfluenceLabelsPort port() {
            return confluence.labels;
        }
    }

    @Nested
    class Users extends ConfluencePortContracts.UsersContract {
        @Override
        protected ConfluenceWorld world() {
            return world;
        }

        @Override
        protected ConfluenceUsersPort port() {
            return confluence;
        }
    }

    /** The contracts' world in the fake: set up through its set-up methods, seen through the fixture's credentials. */
    private static final class FakeWorld implements ConfluenceWorld {
        private final FakeConfluence confluence;
        private final ConfluenceAccess access = new ConfluenceAccess(ConnectionId.random(),
                SiteUrl.parse("https://crestview.atlassian.net", List.of()), Optional.empty(), EmailAddress.of(UseCaseFixture.EMAIL),
                Secret.of(UseCaseFixture.TOKEN, "apiToken"));

        FakeWorld(FakeConfluence confluence) {
            this.confluence = confluence;
            confluence.acceptCredentials(UseCaseFixture.EMAIL, UseCaseFixture.TOKEN, UseCaseFixture.ACCOUNT);
        }

        @Override
        public ConfluenceAccess access() {
            return access;
        }

        @Override
        public ConfluenceUser currentUser() {
            return new ConfluenceUser(UseCaseFixture.ACCOUNT, FakeConfluence.BOT_NAME);
        }

        @Override
        public void givenSpace(SpaceKey key, String name) {
            confluence.addSpace(key.value(), name);
        }

        @Override
        public PageId givenPage(SpaceKey space, Title title, String storageBody, Set<Label> labels) {
            PageId id = confluence.seedPage(space.value(), title.value(), Optional.empty(), storageBody);
            confluence.labelByHand(id, labels);
            return id;
        }

        @Override
        public PageId absentPage() {
            return PageId.of("987654321");
        }
    }
}
