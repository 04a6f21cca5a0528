package ai.askel.archfixtures.domain;

import ai.askel.archfixtures.ports.out.GoodPort;

/** A legitimate domain class. */
public class Model {
}

class DomainUsesPort {
    GoodPort port;
}

class DomainUsesLibrary {
    org.slf4j.Logger log;
}

class DomainPrints {
    void print() {
        System.out.println("x");
    }
}

class DomainUsesJavaUtilLogging {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("x");
}

class DomainThrowsGenericException {
    void fail() {
        throw new RuntimeException("x");
    }
}

class DomainFieldInjection {
    @jakarta.inject.Inject
    Model model;
}
