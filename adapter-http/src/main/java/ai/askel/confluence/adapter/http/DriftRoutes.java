package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.DriftListJson;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import jakarta.inject.Inject;
import java.util.List;

/** Drift: the open findings with how the last scans went, a scan now, and the actions that settle a finding. */
final class DriftRoutes implements Api.Group {
    static final String DRIFT = ConnectionRoutes.CONNECTION + "/drift";
    static final String FINDING = DRIFT + "/{findingId}";
    static final String WORKSPACE_DRIFT = "/api/v1/drift";

    private final CheckDriftUseCase drift;
    private final OverwriteDriftFindingUseCase overwrite;
    private final AdoptDriftFindingUseCase adopt;
    private final AcknowledgeDriftFindingUseCase acknowledge;

    @Inject
    DriftRoutes(CheckDriftUseCase drift, OverwriteDriftFindingUseCase overwrite, AdoptDriftFindingUseCase adopt,
                AcknowledgeDriftFindingUseCase acknowledge) {
        this.drift = drift;
        this.overwrite = overwrite;
        this.adopt = adopt;
        this.acknowledge = acknowledge;
    }

    @Override
    public void register(Api api) {
        api.get(DRIFT, call -> Reply.ok(list(drift.openFindings(call.connection()), drift.lastScan(call.connection()).stream().toList())));
        api.get(WORKSPACE_DRIFT, call -> Reply.ok(list(drift.openFindings(call.workspace()), drift.lastScans(call.workspace()))));
        api.post(DRIFT + "/scan", call -> {
            List<DriftFinding> open = drift.scan(call.connection());
            return Reply.ok(list(open, drift.lastScan(call.connection()).stream().toList()));
        });
        api.post(FINDING + "/overwrite", call -> Reply.ok(ResponseMapper.driftFinding(
                overwrite.overwrite(call.connection(), call.findingId()))));
        api.post(FINDING + "/adopt", call -> Reply.ok(ResponseMapper.driftFinding(adopt.adopt(call.connection(), call.findingId()))));
        api.post(FINDING + "/acknowledge", call -> Reply.ok(ResponseMapper.driftFinding(
                acknowledge.acknowledge(call.connection(), call.findingId()))));
    }

    private DriftListJson list(List<DriftFinding> findings, List<DriftScanStatus> scans) {
        return new DriftListJson(findings.stream().map(ResponseMapper::driftFinding).toList(),
                scans.stream().map(ResponseMapper::driftScan).toList());
    }
}
