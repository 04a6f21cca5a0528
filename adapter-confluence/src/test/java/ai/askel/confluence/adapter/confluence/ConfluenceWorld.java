package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import java.util.Set;

/**
 * A Confluence the port contracts run against: WireMock stubs here, a sandbox or a real site elsewhere.
 * Each {@code given} makes the thing exist, as the connection's user can see it.
 */
public interface ConfluenceWorld {
    ConfluenceAccess access();

    /** The account the access acts as. */
    ConfluenceUser currentUser();

    void givenSpace(SpaceKey key, String name);

    PageId givenPage(SpaceKey space, Title title, String storageBody, Set<Label> labels);

    /** An id no visible page has. */
    PageId absentPage();
}
