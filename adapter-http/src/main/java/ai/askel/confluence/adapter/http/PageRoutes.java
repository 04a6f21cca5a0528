package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.CreatePageJson;
import ai.askel.confluence.adapter.http.ApiJson.LabelsJson;
import ai.askel.confluence.adapter.http.ApiJson.UpdatePageJson;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.ListChildPagesUseCase;
import ai.askel.confluence.ports.in.ListPageVersionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.in.ManageLabelsUseCase;
import ai.askel.confluence.ports.in.ReadPageUseCase;
import ai.askel.confluence.ports.in.SearchPagesUseCase;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.in.UploadAttachmentUseCase;
import ai.askel.confluence.ports.out.UploadProgressListener;
import jakarta.inject.Inject;
import java.util.Map;

/** Spaces and pages of a connection: read, create, update, history, children, search, labels, attachments. */
final class PageRoutes implements Api.Group {
    static final String SPACES = ConnectionRoutes.CONNECTION + "/spaces";
    static final String PAGES = ConnectionRoutes.CONNECTION + "/pages";
    static final String PAGE = PAGES + "/{pageId}";

    private final ListSpacesUseCase spaces;
    private final CreatePageUseCase create;
    private final ReadPageUseCase read;
    private final UpdatePageUseCase update;
    private final ListPageVersionsUseCase versions;
    private final ListChildPagesUseCase children;
    private final SearchPagesUseCase search;
    private final ManageLabelsUseCase labels;
    private final UploadAttachmentUseCase attachments;

    @Inject
    PageRoutes(ListSpacesUseCase spaces, CreatePageUseCase create, ReadPageUseCase read, UpdatePageUseCase update,
               ListPageVersionsUseCase versions, ListChildPagesUseCase children, SearchPagesUseCase search,
               ManageLabelsUseCase labels, UploadAttachmentUseCase attachments) {
        this.spaces = spaces;
        this.create = create;
        this.read = read;
        this.update = update;
        this.versions = versions;
        this.children = children;
        this.search = search;
        this.labels = labels;
        this.attachments = attachments;
    }

    @Override
    public void register(Api api) {
        api.get(SPACES, call -> Reply.ok(ResponseMapper.slice(
                spaces.listSpaces(call.connection(), call.limit(), call.cursor()), ResponseMapper::space)));
        api.postJson(PAGES, call -> Reply.created(ResponseMapper.page(
                create.create(RequestMapper.createPageCommand(call.connection(), call.body(CreatePageJson.class))))));
        api.get(PAGES, call -> {
            ConnectionRef ref = call.connection();
            Map<String, String> filters = call.queries("spaceKey", "title", "titleContains", "label", "modifiedSince", "cql");
            return Reply.ok(ResponseMapper.slice(search.search(ref, RequestMapper.searchQuery(filters), call.limit(), call.cursor()),
                    ResponseMapper::searchResult));
        });
        api.get(PAGE, call -> Reply.ok(ResponseMapper.page(read.read(call.connection(), call.pageId()))));
        api.putJson(PAGE, call -> Reply.ok(ResponseMapper.updatedPage(
                update.update(RequestMapper.updatePageCommand(call.connection(), call.pageId(), call.body(UpdatePageJson.class))))));
        api.get(PAGE + "/versions", call -> Reply.ok(ResponseMapper.slice(
                versions.versions(call.connection(), call.pageId(), call.limit(), call.cursor()), ResponseMapper::version)));
        api.get(PAGE + "/children", call -> Reply.ok(ResponseMapper.slice(
                children.children(call.connection(), call.pageId(), call.limit(), call.cursor()), ResponseMapper::child)));
        api.postJson(PAGE + "/labels", call -> {
            ConnectionRef ref = call.connection();
            var toAdd = RequestMapper.labelsToAdd(call.body(LabelsJson.class).labels());
            return Reply.ok(new LabelsJson(ResponseMapper.labelNames(labels.add(ref, call.pageId(), toAdd))));
        });
        api.delete(PAGE + "/labels/{label}", call -> {
            labels.remove(call.connection(), call.pageId(), call.label());
            return Reply.noContent();
        });
        api.postMultipart(PAGE + "/attachments", call -> Reply.created(ResponseMapper.attachment(
                attachments.upload(call.connection(), call.pageId(), call.upload(), UploadProgressListener.NONE))));
    }
}
