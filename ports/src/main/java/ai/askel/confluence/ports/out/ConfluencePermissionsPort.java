package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.PageId;
import java.util.Optional;
import java.util.Set;

/**
 * What the connection's user may do in Confluence, asked without writing anything (v2
 * {@code GET /pages/{id}/operations}): how drift detection tells a space that became read-only.
 */
public interface ConfluencePermissionsPort {
    /** An operation on a page, as Confluence names it. */
    String READ = "read";
    String UPDATE = "update";
    String DELETE = "delete";

    /** The operations the user may perform on the page ("read", "update", "delete", ...); empty if absent or not visible. */
    Optional<Set<String>> pageOperations(ConfluenceAccess access, PageId page);
}
