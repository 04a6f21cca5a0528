package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code workspace}. */
record WorkspaceRow(String id, String name, Instant createdAt) {
}
