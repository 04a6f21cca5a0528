package ai.askel.archfixtures.ports.out;

public interface GoodPort {
}

interface ContentSource {
}

interface ProgressListener {
}

interface CallObserver {
}

record NewThing(String name) {
}

interface PageStore {
}

class PortUsesJackson {
    com.fasterxml.jackson.databind.ObjectMapper mapper;
}
