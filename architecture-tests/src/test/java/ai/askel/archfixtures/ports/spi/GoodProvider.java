package ai.askel.archfixtures.ports.spi;

public interface GoodProvider {
}

interface TemplatePlugin {
}
