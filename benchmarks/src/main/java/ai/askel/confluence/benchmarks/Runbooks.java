package ai.askel.confluence.benchmarks;

import ai.askel.confluence.cli.SampleRunbook;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publish commands for the {@code customer-environment-runbook} template, shaped like the demo's seed story. */
final class Runbooks {
    static final String TEMPLATE = SampleRunbook.TEMPLATE;
    static final String DIAGRAM = SampleRunbook.DIAGRAM;
    static final byte[] DIAGRAM_BYTES = new PatternInputStream(32 * 1024).readAllBytesUnchecked();

    private Runbooks() {
    }

    /** The seed story's runbook: every input, a diagram attachment, default labels. {@code notes} varies the body. */
    static PublishRunbookCommand seed(ConnectionRef ref, SpaceKey space, String title, String notes) {
        return new PublishRunbookCommand(ref, space, Optional.empty(), Title.of(title), TEMPLATE, SampleRunbook.inputs(title, notes),
                Optional.empty(), List.of(new AttachmentUpload(DIAGRAM, "image/png", DIAGRAM_BYTES.length,
                        () -> new ByteArrayInputStream(DIAGRAM_BYTES), Optional.of("Architecture"), true)),
                DriftPolicy.FAIL, false);
    }

    /** The file every drift-scan runbook carries, as the seed's runbooks carry their architecture diagram. */
    static final byte[] DRIFT_DIAGRAM = "a small stand-in for an architecture diagram".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final String DRIFT_DIAGRAM_NAME = "architecture.png";

    /** {@link #minimal} with the diagram attached. */
    static PublishRunbookCommand withDiagram(ConnectionRef ref, SpaceKey space, String title) {
        PublishRunbookCommand c = minimal(ref, space, title);
        return new PublishRunbookCommand(c.ref(), c.space(), c.parentTitle(), c.title(), c.source(), c.labels(),
                List.of(new ai.askel.confluence.ports.out.AttachmentUpload(DRIFT_DIAGRAM_NAME, "image/png", DRIFT_DIAGRAM.length,
                        () -> new java.io.ByteArrayInputStream(DRIFT_DIAGRAM), Optional.empty(), true)), c.onDrift(), c.dryRun());
    }

    /** A runbook with the required inputs only and no attachment (bulk runs). */
    static PublishRunbookCommand minimal(ConnectionRef ref, SpaceKey space, String title) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", title);
        inputs.put("customer", "Customer of " + title);
        inputs.put("status", "LIVE");
        inputs.put("maintenanceWindow", "Sundays 02:00-04:00 UTC");
        return new PublishRunbookCommand(ref, space, Optional.empty(), Title.of(title), TEMPLATE, new TemplateInputs(inputs),
                Optional.empty(), List.of(), DriftPolicy.FAIL, false);
    }
}
