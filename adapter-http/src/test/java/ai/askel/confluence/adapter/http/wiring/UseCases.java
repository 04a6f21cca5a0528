package ai.askel.confluence.adapter.http.wiring;

import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
import ai.askel.confluence.ports.in.ListRunbooksUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.IdempotencyUseCase;
import ai.askel.confluence.ports.in.ListChildPagesUseCase;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListPageVersionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.ManageLabelsUseCase;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.in.ReadPageUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import ai.askel.confluence.ports.in.SearchPagesUseCase;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.in.UploadAttachmentUseCase;

/** Every use case the HTTP API calls, in one test double (the app binds its services one by one instead). */
public interface UseCases extends RegisterConnectionUseCase, ListConnectionsUseCase, RemoveConnectionUseCase,
        RotateCredentialsUseCase, ListSpacesUseCase, CreatePageUseCase, ReadPageUseCase, UpdatePageUseCase,
        ListPageVersionsUseCase, ListChildPagesUseCase, SearchPagesUseCase, ManageLabelsUseCase, UploadAttachmentUseCase,
        PublishRunbookUseCase, GetRunbookUseCase, AttachToRunbookUseCase, CheckDriftUseCase, ListTemplatesUseCase,
        OverwriteDriftFindingUseCase, AdoptDriftFindingUseCase, AcknowledgeDriftFindingUseCase,
        AuthenticateApiKeyUseCase, IdempotencyUseCase, CheckReadinessUseCase, VerifyConnectionUseCase,
        ListRunbooksUseCase, ChooseDefaultSpaceUseCase {
    /** The job use cases, in a double of their own. */
    JobUseCases jobs();

    interface JobUseCases extends ai.askel.confluence.ports.in.SubmitRunbookBatchUseCase, ai.askel.confluence.ports.in.GetJobUseCase,
            ai.askel.confluence.ports.in.ListJobsUseCase, ai.askel.confluence.ports.in.CancelJobUseCase {
    }

}
