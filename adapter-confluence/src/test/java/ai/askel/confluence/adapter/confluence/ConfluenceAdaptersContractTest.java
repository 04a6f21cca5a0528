package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The port contracts, run against the real adapters and a WireMock Confluence. */
class ConfluenceAdaptersContractTest extends WireMockConfluence {
    WireMockConfluenceWorld world;

    @BeforeEach
    void world() {
        world = new WireMockConfluenceWorld(access);
    }

    @Nested
    class Spaces extends ConfluencePortContracts.SpacesContract {
        @Override
        protected ConfluenceWorld world() {
            return world;
        }

        @Override
        protected ConfluenceSpacesPort port() {
            return spaces;
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
            return pages;
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
            return labels;
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
            return users;
        }
    }
}
