package ai.askel.confluence.domain;

/** The connector's id of a connection. */
public record ConnectionId(String value) {
    public ConnectionId {
        value = Ids.uuid(value, "connectionId");
    }

    public static ConnectionId of(String value) {
        return new ConnectionId(value);
    }

    public static ConnectionId random() {
        return new ConnectionId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
