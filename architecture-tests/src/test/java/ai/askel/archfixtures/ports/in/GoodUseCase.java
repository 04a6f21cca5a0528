package ai.askel.archfixtures.ports.in;

public interface GoodUseCase {
}

interface PublishRunbook {
}
