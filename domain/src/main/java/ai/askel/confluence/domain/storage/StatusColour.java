package ai.askel.confluence.domain.storage;

/** The colours of Confluence's status lozenge. */
public enum StatusColour {
    GREY("Grey"), RED("Red"), YELLOW("Yellow"), GREEN("Green"), BLUE("Blue"), PURPLE("Purple");

    private final String macroValue;

    StatusColour(String macroValue) {
        this.macroValue = macroValue;
    }

    public String macroValue() {
        return macroValue;
    }
}
