package ai.askel.confluence.domain;

/** The connector's id of a job (a batch of work run by the cluster). */
public record JobId(String value) {
    public JobId {
        value = Ids.uuid(value, "jobId");
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    public static JobId random() {
        return new JobId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
