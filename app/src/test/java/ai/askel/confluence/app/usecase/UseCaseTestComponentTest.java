package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UseCaseTestComponentTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final UseCaseTestComponent component = DaggerUseCaseTestComponent.factory().create(f.settings, f.clock, f.connections,
            f.confluence, f.confluence, f.confluence, f.confluence.labels, f.confluence.attachments, f.confluence, f.confluence, f.runbooks,
            f.managedPages, f.findings, f.apiKeys, f.idempotency, f.auditLog, f.templates, key -> 0);

    @Test
    void dagger_builds_the_services_and_shares_the_metrics_singleton() {
        assertThat(component.metrics()).isSameAs(component.metrics());
        assertThat(component.checkReadiness().check().ready()).isTrue();
        assertThat(component.listTemplates().list()).hasSize(2);
    }

    @Test
    void a_publish_through_the_injected_service_works() {
        ConnectionRef ref = f.connection();

        var result = component.publishRunbook().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(),
                Title.of("Crestview"), "test-runbook", new TemplateInputs(Map.of("environment", "prod", "endpoint", "https://x.example")),
                Optional.empty(), List.of(), DriftPolicy.FAIL, false));

        assertThat(result.outcome()).isEqualTo(PublishOutcome.CREATED);
        assertThat(component.getRunbook().get(ref, result.runbook().orElseThrow()).pageId()).isEqualTo(result.pageId());
    }
}
