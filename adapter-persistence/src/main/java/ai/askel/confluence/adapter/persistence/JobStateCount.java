package ai.askel.confluence.adapter.persistence;

/** How many items of a job are in one state. */
record JobStateCount(String jobId, String state, long items) {
}
