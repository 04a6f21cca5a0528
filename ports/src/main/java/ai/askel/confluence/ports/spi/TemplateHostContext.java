package ai.askel.confluence.ports.spi;

/**
 * What the host tells a template when it loads it: the SPI version it speaks. A template that
 * needs a newer SPI throws {@link TemplateRefusedException} from {@link ContentTemplateProvider#init}.
 */
public record TemplateHostContext(int spiVersion) {
    /** The SPI version of this host. Bumped only when a capability is added (never removed). */
    public static final int CURRENT_SPI_VERSION = 2;

    public static TemplateHostContext current() {
        return new TemplateHostContext(CURRENT_SPI_VERSION);
    }
}
