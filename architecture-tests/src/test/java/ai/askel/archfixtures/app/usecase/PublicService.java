package ai.askel.archfixtures.app.usecase;

import ai.askel.archfixtures.ports.in.GoodUseCase;

/** A service the rest of the app could reach past its use case. */
public class PublicService implements GoodUseCase {
}
