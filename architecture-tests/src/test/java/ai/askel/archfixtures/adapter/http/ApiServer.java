package ai.askel.archfixtures.adapter.http;

/** The handle the host starts and closes may be public. */
public final class ApiServer implements AutoCloseable {
    @Override
    public void close() {
    }

    /** Not reachable from outside although public: its enclosing class is package-private. */
    static final class Hidden {
        public static final class Factory {
        }
    }
}
