package ai.askel.archfixtures.app.cli;

/** The CLI may print. */
public class CliOutput {
    void print() {
        System.out.println("ok");
    }
}
