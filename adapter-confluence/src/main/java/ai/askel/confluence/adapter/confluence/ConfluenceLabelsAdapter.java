package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/** Label writes via v1 (Confluence has no v2 label writes), reads via v2. */
@Singleton
final class ConfluenceLabelsAdapter implements ConfluenceLabelsPort {
    /** v1 label lists default to 200 entries: a full one may have been cut short. */
    private static final int V1_LABEL_PAGE = 200;

    private final ConfluenceClients clients;
    private final PageLabelReader reader;

    @Inject
    ConfluenceLabelsAdapter(ConfluenceClients clients, PageLabelReader reader) {
        this.clients = clients;
        this.reader = reader;
    }

    @Override
    public Set<Label> add(ConfluenceAccess access, PageId page, Set<Label> labels) {
        ConnectionClient c = clients.of(access);
        if (labels.isEmpty()) {
            return reader.all(c, page);
        }
        List<ConfluenceWire.V1LabelCreate> body = labels.stream().sorted().map(l -> new ConfluenceWire.V1LabelCreate("global", l.name())).toList();
        // Adding labels the page already has changes nothing, so this POST is safe to replay.
        var answer = clients.policy().call("page " + page + " (adding labels)", Replay.SAFE, () -> c.api().addLabels(page.value(), body));
        boolean complete = answer.size() == null || answer.size() < V1_LABEL_PAGE;
        return complete ? ConfluenceMapper.v1Labels(answer.items()) : reader.all(c, page);
    }

    @Override
    public void remove(ConfluenceAccess access, PageId page, Label label) {
        ConnectionClient c = clients.of(access);
        clients.policy().call("label '" + label + "' of page " + page, Replay.SAFE, () -> {
            c.api().removeLabel(page.value(), label.name());
            return null;
        });
    }

    @Override
    public Set<Label> list(ConfluenceAccess access, PageId page) {
        return reader.all(clients.of(access), page);
    }
}
