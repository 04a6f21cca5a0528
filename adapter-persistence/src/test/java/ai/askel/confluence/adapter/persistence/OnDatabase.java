package ai.askel.confluence.adapter.persistence;

/** A fresh database of one kind with this adapter wired on it, as the app wires it: the store of a contract run here. */
final class OnDatabase implements RepositoryContract.Source {
    private final TestDatabase kind;
    private PersistenceFixture fixture;

    OnDatabase(TestDatabase kind) {
        this.kind = kind;
    }

    @Override
    public RepositoryPorts open() {
        fixture = PersistenceFixture.create(kind);
        return fixture.start();
    }

    @Override
    public void close() {
        fixture.close();
    }

    /** The open database, for what an adapter's own tests do beside the contract (raw SQL, a second instance). */
    PersistenceFixture fixture() {
        return fixture;
    }
}
