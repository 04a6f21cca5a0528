package ai.askel.confluence.plugins.declarative;

/** A declarative template's parsed body, Markdown ({@link BodyTemplate}) or storage format ({@link StorageTemplate}). */
interface TemplateBody {
    /** The page's storage format for one render's values. */
    String render(Scope scope);
}
