package ai.askel.archfixtures.app.usecase;

import ai.askel.archfixtures.adapter.confluence.ConfluenceModule;
import ai.askel.archfixtures.ports.in.GoodUseCase;

class GoodService implements GoodUseCase {
}

class PublishRunbookHandler implements GoodUseCase {
}

class UseCaseUsesAdapter {
    ConfluenceModule module;
}

class UseCaseUsesDagger {
    dagger.Lazy<String> lazy;
}
