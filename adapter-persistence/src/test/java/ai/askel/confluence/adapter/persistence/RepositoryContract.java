package ai.askel.confluence.adapter.persistence;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every repository port contract: one fresh store per test class, from the source the concrete class
 * gives (a database of some kind here, the in-memory fakes in the app's tests). Tests stay independent by using fresh
 * ids (workspaces, connections) of their own. The contracts and their test methods are public so that subclasses in
 * other modules and packages inherit them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RepositoryContract {
    /** Where a contract's store comes from. */
    public interface Source {
        RepositoryPorts open();

        /** Releases what {@link #open()} took (a database); nothing by default. */
        default void close() {
        }

        /** A store with nothing to release, such as a set of in-memory fakes. */
        static Source of(Supplier<? extends RepositoryPorts> store) {
            return store::get;
        }
    }

    private final Source source;
    protected RepositoryPorts ports;

    protected RepositoryContract(Source source) {
        this.source = source;
    }

    @BeforeAll
    public final void openStore() {
        ports = source.open();
    }

    @AfterAll
    public final void closeStore() {
        source.close();
    }
}
