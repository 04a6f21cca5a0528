package ai.askel.archfixtures.cli;

/** The CLI may print. */
public class CliOutput {
    void print() {
        System.out.println("ok");
    }
}
