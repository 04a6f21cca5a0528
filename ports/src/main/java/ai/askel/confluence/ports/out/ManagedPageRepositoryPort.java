package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import java.util.List;
import java.util.Optional;

/** The pages the connector manages; unique per (connection, page id), so one page is never recorded twice. */
public interface ManagedPageRepositoryPort {
    /** Inserts or replaces the record of this page. */
    void save(ManagedPage page);

    Optional<ManagedPage> find(ConnectionId connection, PageId pageId);

    /** A managed page by its title in a space (how a parent page is found again). */
    Optional<ManagedPage> findByTitle(ConnectionId connection, SpaceKey space, Title title);

    List<ManagedPage> listByConnection(ConnectionId connection);

    boolean delete(ConnectionId connection, PageId pageId);
}
