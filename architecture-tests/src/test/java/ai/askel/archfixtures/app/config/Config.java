package ai.askel.archfixtures.app.config;

import ai.askel.archfixtures.domain.Model;

/** The app's configuration is part of the composition root. */
public class Config {
    Model defaults;
}
