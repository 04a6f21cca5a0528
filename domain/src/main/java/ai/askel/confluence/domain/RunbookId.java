package ai.askel.confluence.domain;

/** The connector's id of a runbook. */
public record RunbookId(String value) {
    public RunbookId {
        value = Ids.uuid(value, "runbookId");
    }

    public static RunbookId of(String value) {
        return new RunbookId(value);
    }

    public static RunbookId random() {
        return new RunbookId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
