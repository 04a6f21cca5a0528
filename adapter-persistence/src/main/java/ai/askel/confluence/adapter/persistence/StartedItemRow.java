package ai.askel.confluence.adapter.persistence;

/** A started job item with what its worker needs of the job, as one query reads them. */
record StartedItemRow(String workspaceId, String connectionId, String kind, String request, int attempts) {
}
