package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetRunbookServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final GetRunbookService service = new GetRunbookService(f.runbooks);

    @Test
    void a_published_runbook_is_returned_only_to_its_connection() {
        PublishResult published = f.publisher().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(),
                Title.of("Crestview"), "test-runbook", new TemplateInputs(Map.of("environment", "prod", "endpoint", "https://x.example")),
                Optional.empty(), List.of(), DriftPolicy.FAIL, false));

        assertThat(service.get(ref, published.runbook().orElseThrow()).status()).isEqualTo(RunbookStatus.PUBLISHED);
        assertThat(service.get(ref, published.runbook().orElseThrow()).pageId()).isEqualTo(published.pageId());
        assertThatThrownBy(() -> service.get(f.connection(), published.runbook().orElseThrow())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(new ConnectionRef(WorkspaceId.random(), ref.connection()), published.runbook().orElseThrow()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(ref, RunbookId.random())).isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("runbook ");
    }
}
