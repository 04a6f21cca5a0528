package ai.askel.confluence.app.e2e;

import ai.askel.confluence.adapter.confluence.ConfluencePortContracts;
import ai.askel.confluence.adapter.confluence.ConfluenceWorld;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** adapter-confluence's port contracts, run against the real adapters talking to the Confluence sandbox. */
class ConfluencePortsOnSandboxContractTest {
    private static ConfluenceSandbox sandbox;
    private static SandboxConfluenceWorld world;
    private static ConfluencePortsComponent ports;

    @BeforeAll
    static void start() {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        world = new SandboxConfluenceWorld(sandbox);
        ports = ConfluencePortsComponent.create();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Nested
    class Spaces extends ConfluencePortContracts.SpacesContract {
        @Override
        protected ConfluenceWorld world() {
            return world;
        }

        @Override
        protected ConfluenceSpacesPort port() {
            return ports.spaces();
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
            return ports.pages();
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
            return ports.labels();
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
            return ports.users();
        }
    }
}
