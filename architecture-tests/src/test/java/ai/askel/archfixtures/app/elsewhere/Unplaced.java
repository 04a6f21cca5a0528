package ai.askel.archfixtures.app.elsewhere;

/** A package of the app that is neither in the onion nor the composition root. */
class Unplaced {
}
