package ai.askel.confluence.plugins.declarative;

/** A line and column in a template file, 1-based. */
record Position(int line, int column) {
    static final Position START = new Position(1, 1);

    /** The position {@code offset} characters into {@code text}, which starts here. */
    Position advance(String text, int offset) {
        int line = this.line;
        int column = this.column;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }
}
