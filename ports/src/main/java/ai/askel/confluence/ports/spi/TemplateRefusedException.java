package ai.askel.confluence.ports.spi;

/** Thrown by a template that cannot run in this host (for example, it needs a newer SPI). */
public class TemplateRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateRefusedException(String message) {
        super(message);
    }
}
