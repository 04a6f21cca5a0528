package ai.askel.archfixtures.adapter.confluence;

/** An adapter's insides made public. */
public class PublicInsides {
}
