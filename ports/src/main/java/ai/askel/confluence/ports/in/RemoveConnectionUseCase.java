package ai.askel.confluence.ports.in;

/** Forgets a connection and what was recorded for it (pages in Confluence are left as they are). */
public interface RemoveConnectionUseCase {
    void remove(ConnectionRef ref);
}
