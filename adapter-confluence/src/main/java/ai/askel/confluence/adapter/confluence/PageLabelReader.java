package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Every global label of a page via v2 {@code /pages/{id}/labels}, 250 a call, following the cursor. */
@Singleton
final class PageLabelReader {
    private final CallPolicy policy;

    @Inject
    PageLabelReader(ConfluenceClients clients) {
        this.policy = clients.policy();
    }

    Set<Label> all(ConnectionClient c, PageId id) {
        Set<Label> labels = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            String at = cursor.orElse(null);
            var page = policy.call("page " + id + " (its labels)", Replay.SAFE, () -> c.api().labels(id.value(), at));
            labels.addAll(ConfluenceMapper.labels(page.items()));
            cursor = page.items().isEmpty() ? Optional.empty()
                    : Cursors.v2(page.links() == null ? null : page.links().next(), c.base(), "/wiki/api/v2/pages/" + id + "/labels");
        } while (cursor.isPresent() && seen.add(cursor.get()));
        return labels;
    }
}
