package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every port contract: one fresh database per test class, of the kind the concrete
 * class names. Tests stay independent by using fresh ids (workspaces, connections) of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceContract {
    PersistenceFixture fixture;
    TestPersistenceComponent persistence;

    abstract TestDatabase database();

    @BeforeAll
    void startDatabase() {
        fixture = PersistenceFixture.create(database());
        persistence = fixture.start();
    }

    @AfterAll
    void stopDatabase() {
        fixture.close();
    }
}
