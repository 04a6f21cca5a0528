package ai.askel.confluence.adapter.confluence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Confluence's JSON, as far as the connector reads and writes it (unknown fields are ignored). */
final class ConfluenceWire {
    private ConfluenceWire() {
    }

    // ---- v2 -------------------------------------------------------------------------------

    record Links(String next, String base, String webui, String download) {
    }

    /** v2 {@code MultiEntityResult<T>}: {@code _links.next} includes {@code /wiki}. */
    record Results<T>(List<T> results, @JsonProperty("_links") Links links) {
        List<T> items() {
            return results == null ? List.of() : results;
        }
    }

    record Space(String id, String key, String name, String type, String status, String homepageId) {
    }

    record Version(Integer number, String message, Boolean minorEdit, String authorId, String createdAt) {
    }

    record BodyValue(String representation, String value) {
    }

    record Body(BodyValue storage) {
    }

    record Label(String id, String name, String prefix) {
    }

    record LabelMeta(Boolean hasMore, String cursor) {
    }

    record PageLabels(List<Label> results, LabelMeta meta) {
    }

    record Page(String id, String status, String title, String spaceId, String parentId, String parentType, Version version,
                Body body, PageLabels labels, @JsonProperty("_links") Links links) {
    }

    record Child(String id, String status, String title, String type, String spaceId) {
    }

    /** v2 {@code PermittedOperationsResponse}. */
    record Operations(List<Operation> operations) {
    }

    record Operation(String operation, String targetType) {
    }

    record Ancestor(String id, String type) {
    }

    record PageVersion(Integer number, String message, Boolean minorEdit, String authorId, String createdAt) {
    }

    record Attachment(String id, String title, String mediaType, Long fileSize, String comment, String downloadLink,
                      Version version, @JsonProperty("_links") Links links) {
    }

    /** v2 {@code User}, as {@code POST /users-bulk} answers it. */
    record User(String accountId, String displayName, String publicName, String accountStatus) {
    }

    /** The body of v2 {@code POST /users-bulk}. */
    record UsersBulk(List<String> accountIds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewPage(String spaceId, String status, String title, String parentId, BodyValue body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewVersion(int number, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageUpdate(String id, String status, String title, BodyValue body, NewVersion version, String parentId) {
    }

    // ---- v1 -------------------------------------------------------------------------------

    /** v1 {@code _links}: {@code next} is relative to {@code base}, which ends in {@code /wiki}. */
    record V1Links(String next, String base, String context, String webui, String download, String self) {
    }

    record V1Space(String key, String name) {
    }

    record V1User(String accountId, String displayName, String publicName) {
    }

    record V1Version(Integer number, String message, String when, V1User by) {
    }

    record V1Label(String prefix, String name, String id) {
    }

    record V1LabelArray(List<V1Label> results, Integer start, Integer limit, Integer size) {
        List<V1Label> items() {
            return results == null ? List.of() : results;
        }
    }

    record V1Metadata(V1LabelArray labels, String mediaType, String comment) {
    }

    record V1Extensions(String mediaType, Long fileSize, String comment) {
    }

    record V1Ancestor(String id, String title) {
    }

    record V1Content(String id, String type, String status, String title, V1Space space, V1Version version, V1Metadata metadata,
                     List<V1Ancestor> ancestors, V1Extensions extensions, V1Children children, @JsonProperty("_links") V1Links links) {
    }

    /** The {@code children} expansion; only attachments are asked for. */
    record V1Children(V1ContentArray attachment) {
    }

    record V1ContentArray(List<V1Content> results, Integer start, Integer limit, Integer size, @JsonProperty("_links") V1Links links) {
        List<V1Content> items() {
            return results == null ? List.of() : results;
        }
    }

    record V1LabelCreate(String prefix, String name) {
    }

    record CurrentUser(String type, String accountId, String displayName, String publicName) {
    }
}
