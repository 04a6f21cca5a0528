package ai.askel.confluence.sandbox;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sandbox standalone: {@code SandboxMain [--port 8090] [--host 127.0.0.1] [--seed file.json]}. Without a
 * seed file it starts with the demo site. Prints the URL and the first user's credentials, then runs until killed.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConfluenceSandbox sandbox = start(args, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        // runs until the process is stopped (the hook above closes the sandbox): waiting forever is its job
        new CountDownLatch(1).await();
    }

    /** Parses the arguments, starts the sandbox and prints how to reach it. */
    static ConfluenceSandbox start(String[] args, PrintStream out) {
        ConfluenceSandboxBuilder builder = ConfluenceSandbox.builder().port(8090);
        boolean seeded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            switch (arg) {
                case "--port": builder.port(Integer.parseInt(args[++i])); break;
                case "--host": builder.host(args[++i]); break;
                case "--seed":
                    builder.seed(Path.of(args[++i]));
                    seeded = true;
                    break;
                default: throw new IllegalArgumentException("unknown option " + arg
                        + " (usage: --port 8090 --host 127.0.0.1 --seed file.json)");
            }
        }
        if (!seeded) {
            builder.demoData();
        }
        ConfluenceSandbox sandbox = builder.start();
        out.println("Confluence sandbox running at " + sandbox.baseUrl() + " (Confluence under "
                + sandbox.baseUrl() + "/wiki, admin API under " + sandbox.baseUrl() + "/__sandbox)");
        sandbox.users().stream().findFirst().ifPresent(u -> out.println("Demo user: " + u.email() + " / API token: "
                + u.apiToken() + " (accountId " + u.accountId() + ")"));
        return sandbox;
    }
}
