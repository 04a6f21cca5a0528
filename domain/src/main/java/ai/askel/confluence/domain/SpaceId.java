package ai.askel.confluence.domain;

/** Confluence's numeric id of a space (v2 pages carry only this, not the key). */
public record SpaceId(String value) {
    public SpaceId {
        Numeric.id(value, "spaceId");
    }

    public static SpaceId of(String value) {
        return new SpaceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
