package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePermissionsPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Which managed spaces the connection's user can no longer see, or may read but not edit. */
final class SpaceAccessCheck {
    private static final int SPACES_PAGE_SIZE = 250;

    private final ConfluenceSpacesPort spaces;
    private final ConfluencePermissionsPort permissions;

    @Inject
    SpaceAccessCheck(ConfluenceSpacesPort spaces, ConfluencePermissionsPort permissions) {
        this.spaces = spaces;
        this.permissions = permissions;
    }

    /** The managed spaces the user cannot see (listing the visible spaces: 1 call per 250). */
    Set<SpaceKey> missingSpaces(ConfluenceAccess access, Set<SpaceKey> wanted) {
        Set<SpaceKey> missing = new HashSet<>(wanted);
        Optional<String> cursor = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (!missing.isEmpty()) {
            Slice<Space> slice = spaces.listSpaces(access, SPACES_PAGE_SIZE, cursor);
            slice.items().forEach(s -> missing.remove(s.key()));
            cursor = slice.nextCursor();
            if (cursor.isEmpty() || slice.items().isEmpty() || !seen.add(cursor.get())) {
                break;
            }
        }
        return sorted(missing);
    }

    /**
     * The spaces where the user may read but not edit: one {@code GET /pages/{id}/operations} per space, on a
     * managed page seen in it (a read: probing with a write would change the customer's page).
     */
    Set<SpaceKey> readOnlySpaces(ConfluenceAccess access, Map<SpaceKey, PageId> pageInEachSpace) {
        Set<SpaceKey> readOnly = sorted(Set.of());
        pageInEachSpace.forEach((space, page) -> permissions.pageOperations(access, page)
                .filter(ops -> !ops.contains(ConfluencePermissionsPort.UPDATE))
                .ifPresent(ops -> readOnly.add(space)));
        return readOnly;
    }

    static Set<SpaceKey> sorted(Set<SpaceKey> keys) {
        Set<SpaceKey> sorted = new TreeSet<>(Comparator.comparing(SpaceKey::value));
        sorted.addAll(keys);
        return sorted;
    }
}
