package ai.askel.confluence.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Configures and starts a {@link ConfluenceSandbox}; get one from {@link ConfluenceSandbox#builder()}. Steps run in the order
 * they were given.
 */
public final class ConfluenceSandboxBuilder {
    private String host = "127.0.0.1";
    private int port;
    private Clock clock = Clock.systemUTC();
    private Duration indexDelay = Duration.ZERO;
    private long maxAttachmentBytes = 100L * 1024 * 1024;
    private final List<Consumer<ConfluenceSandbox>> steps = new ArrayList<>();

    ConfluenceSandboxBuilder() {
    }

    /** The port to listen on; 0 (default) picks a free one. */
    public ConfluenceSandboxBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** The address to bind (default 127.0.0.1). */
    public ConfluenceSandboxBuilder host(String host) {
        this.host = host;
        return this;
    }

    public ConfluenceSandboxBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public ConfluenceSandboxBuilder user(String email, String apiToken, String accountId, String displayName) {
        return user(new SandboxUser(email, apiToken, accountId, displayName));
    }

    public ConfluenceSandboxBuilder user(SandboxUser user) {
        steps.add(s -> s.addUser(user));
        return this;
    }

    /** A space with a homepage ("{name} Home"). */
    public ConfluenceSandboxBuilder space(String key, String name) {
        steps.add(s -> s.addSpace(key, name));
        return this;
    }

    public ConfluenceSandboxBuilder permission(String user, String spaceKey, Permission permission) {
        steps.add(s -> s.setPermission(user, spaceKey, permission));
        return this;
    }

    public ConfluenceSandboxBuilder anonymousRead(String spaceKey) {
        steps.add(s -> s.anonymousRead(spaceKey, true));
        return this;
    }

    /** A page under the space's homepage, written by the first user. */
    public ConfluenceSandboxBuilder page(String spaceKey, String title, String storage) {
        steps.add(s -> s.createPage(spaceKey, title, storage, s.users().get(0).email()));
        return this;
    }

    public ConfluenceSandboxBuilder indexDelay(Duration delay) {
        this.indexDelay = delay;
        return this;
    }

    public ConfluenceSandboxBuilder maxAttachmentBytes(long bytes) {
        this.maxAttachmentBytes = bytes;
        return this;
    }

    public ConfluenceSandboxBuilder rateLimit(int requests, Duration window) {
        steps.add(s -> s.rateLimits().budget(requests, window));
        return this;
    }

    /** Configures fault injection before the first request. */
    public ConfluenceSandboxBuilder faults(Consumer<Faults> configure) {
        steps.add(s -> configure.accept(s.faults()));
        return this;
    }

    /** Seeds from a JSON file (format in the module README). */
    public ConfluenceSandboxBuilder seed(Path file) {
        steps.add(s -> Seed.apply(Seed.read(file), s));
        return this;
    }

    /** Seeds from JSON text (format in the module README). */
    public ConfluenceSandboxBuilder seedJson(String json) {
        steps.add(s -> Seed.apply(Seed.parse(json), s));
        return this;
    }

    /**
     * The demo site: Ada (writes everywhere), Bob (reads INFRA only), spaces INFRA "Infrastructure" and ENG
     * "Engineering" with a few pages.
     */
    public ConfluenceSandboxBuilder demoData() {
        steps.add(Seed::demo);
        return this;
    }

    public ConfluenceSandbox start() {
        ConfluenceSandbox sandbox = new ConfluenceSandbox(clock, indexDelay, maxAttachmentBytes);
        try {
            steps.forEach(step -> step.accept(sandbox));
            return sandbox.start(host, port);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }
}
