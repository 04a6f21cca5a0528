package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePermissionsPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Permitted operations via v2 {@code GET /pages/{id}/operations}: a read that tells whether the user may still write. */
@Singleton
final class ConfluencePermissionsAdapter implements ConfluencePermissionsPort {
    private final ConfluenceClients clients;

    @Inject
    ConfluencePermissionsAdapter(ConfluenceClients clients) {
        this.clients = clients;
    }

    @Override
    public Optional<Set<String>> pageOperations(ConfluenceAccess access, PageId page) {
        ConnectionClient c = clients.of(access);
        ConfluenceWire.Operations answer;
        try {
            answer = clients.policy().call("operations on page " + page, Replay.SAFE, () -> c.api().pageOperations(page.value()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (answer.operations() == null) {
            return Optional.of(Set.of());
        }
        // page-level operations only: "update" on an attachment or a comment says nothing about editing the page
        return Optional.of(answer.operations().stream()
                .filter(o -> o.targetType() == null || "page".equals(o.targetType()))
                .map(ConfluenceWire.Operation::operation)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
