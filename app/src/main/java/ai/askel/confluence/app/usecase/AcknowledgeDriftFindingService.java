package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import jakarta.inject.Inject;
import java.util.Optional;

/** Mutes a finding until what the scan sees changes; one database write, no Confluence call. */
final class AcknowledgeDriftFindingService implements AcknowledgeDriftFindingUseCase {
    static final String OPERATION = "drift.acknowledge";

    private final DriftFindingTarget targets;
    private final DriftFindingRepositoryPort findings;
    private final ClockPort clock;
    private final AuditTrail audit;

    @Inject
    public AcknowledgeDriftFindingService(DriftFindingTarget targets, DriftFindingRepositoryPort findings, ClockPort clock, AuditTrail audit) {
        this.targets = targets;
        this.findings = findings;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DriftFinding acknowledge(ConnectionRef ref, DriftFindingId id) {
        DriftFindingTarget.Target target = targets.load(ref, id);
        if (!target.finding().needsAttention()) {
            return target.finding();
        }
        DriftFinding acknowledged = findings.acknowledge(target.connection().id(), id, clock.now()).orElseThrow();
        audit.record(ref.workspace(), OPERATION, Optional.of(ref.connection()), acknowledged.pageId(),
                "acknowledged finding %s %s".formatted(id, acknowledged.kind()));
        return acknowledged;
    }
}
