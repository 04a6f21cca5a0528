package ai.askel.confluence.domain;

/** The connector's id of a workspace. */
public record WorkspaceId(String value) {
    public WorkspaceId {
        value = Ids.uuid(value, "workspaceId");
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(value);
    }

    public static WorkspaceId random() {
        return new WorkspaceId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
