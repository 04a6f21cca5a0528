package ai.askel.confluence.domain;

/** Well-known workspaces. */
public final class WorkspaceIds {
    /** The workspace of an embedded connector or the CLI, where there is only one tenant. */
    public static final WorkspaceId DEFAULT = WorkspaceId.of("00000000-0000-0000-0000-000000000001");

    private WorkspaceIds() {
    }
}
