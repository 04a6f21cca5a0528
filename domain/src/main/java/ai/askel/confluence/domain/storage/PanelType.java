package ai.askel.confluence.domain.storage;

/** Confluence's coloured panel macros. */
public enum PanelType {
    INFO("info"), NOTE("note"), WARNING("warning"), TIP("tip");

    private final String macroName;

    PanelType(String macroName) {
        this.macroName = macroName;
    }

    public String macroName() {
        return macroName;
    }
}
