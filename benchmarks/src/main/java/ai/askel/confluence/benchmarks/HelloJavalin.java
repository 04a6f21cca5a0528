package ai.askel.confluence.benchmarks;

import io.javalin.Javalin;

/**
 * The start-up scenario's reference: a minimal Javalin server (the connector's Javalin version, Logback at WARN like
 * {@code serve} in the benchmark) that answers {@code GET /health/ready}. Packaged alone, with only Javalin's own
 * dependencies and Logback, as {@code target/hello-javalin.jar} by the {@code bench} profile, and started the same way as
 * {@code serve}: {@code java -jar hello-javalin.jar <port>}.
 */
public final class HelloJavalin {
    private HelloJavalin() {
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "hello-logback.xml");
        int port = Integer.parseInt(args[0]);
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/health/ready", ctx -> ctx.result("UP"));
        }).start("127.0.0.1", port);
    }
}
