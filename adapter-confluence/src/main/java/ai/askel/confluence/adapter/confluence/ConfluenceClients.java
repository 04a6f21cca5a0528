package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The per-connection clients, keyed by connection id and replaced when the connection's site or
 * credentials change (so a rotated token never reuses stale state), each connection's bulkhead, each site's rate
 * pacer, and the retry policy.
 *
 * <p>Each connection's client has an {@link HttpClient} of its own whose answers are read and parsed on that client's
 * selector thread ({@code executor(Runnable::run)}): no hand-off to a worker thread between the socket and the caller,
 * which cost a bare GET about 200 µs and two fifths of its CPU on a 2-core machine. That is safe because nothing on that thread
 * waits: request bodies are bytes in memory and the answer's subscriber only copies what arrives, up to its cap. It
 * is one thread per connection, so a connection whose site floods it with data slows only itself. Uploads, whose
 * bodies are read from the caller's stream and may block, go through a shared client with the JDK's worker threads.
 * A client unused for {@link #IDLE_CLIENT} is dropped with its connections and thread, and with it the connection's
 * bulkhead and meters once no call waits or runs there, and a site's pacer once no client reaches that site: their number
 * follows the connections in use, not every connection ever used (or removed). Clients are made, and dropped, under one
 * lock, so a bulkhead or pacer is never dropped while a client is being made for it; a caller that found a client just
 * before a sweep dropped it sees that after marking it used and takes a new one, so no call starts on a dropped client.
 */
@Singleton
final class ConfluenceClients {
    /** How long a connection's client may go unused before it is dropped (a new one is made on its next call). */
    static final Duration IDLE_CLIENT = Duration.ofMinutes(10);
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final ConfluenceClientSettings settings;
    private final ConfluenceCallObserver observer;
    private final ObjectMapper mapper;
    private final CallPolicy policy;
    /** The shared clients for uploads: their worker threads may block reading the caller's stream. */
    private final HttpClient https;
    private final HttpClient plainHttp;
    private final AtomicLong lastSweep;
    private final Map<ConnectionId, ConnectionClient> clients = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Bulkhead> bulkheads = new ConcurrentHashMap<>();
    /** One rate budget per site (origin, or gateway and cloud id): every connection to a site shares it. */
    private final Map<String, SitePacer> pacers = new ConcurrentHashMap<>();
    private final ConfluenceMeters meters;
    private final CallPolicy.Sleeper sleeper;
    private final LongSupplier ticker;

    @Inject
    ConfluenceClients(ConfluenceClientSettings settings, ConfluenceCallObserver observer, @Named(ConfluenceAdapterModule.JSON) ObjectMapper mapper,
                      MeterRegistry registry) {
        this(settings, observer, mapper, registry, d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    /** With the given way to wait (retry pauses and pacing) and to read the time that waiting moves on. */
    ConfluenceClients(ConfluenceClientSettings settings, ConfluenceCallObserver observer, ObjectMapper mapper, MeterRegistry registry,
                      CallPolicy.Sleeper sleeper, LongSupplier ticker) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.ticker = ticker;
        this.observer = observer;
        this.mapper = mapper;
        this.meters = new ConfluenceMeters(registry);
        this.policy = new CallPolicy(settings, observer, meters, sleeper);
        this.https = httpClient(true).build();
        this.plainHttp = httpClient(false).build();
        this.lastSweep = new AtomicLong(ticker.getAsLong());
    }

    /** Redirects are never followed: a site may only ever be reached at its own origin (SSRF guard). */
    private HttpClient.Builder httpClient(boolean tls) {
        // The JDK's h2c upgrade on plain http breaks against HTTP/1.1-only servers: pin HTTP/1.1 there.
        return HttpClient.newBuilder().version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
    }

    CallPolicy policy() {
        return policy;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ConfluenceClientSettings settings() {
        return settings;
    }

    /**
     * The connection's client, made anew when its site, gateway or credentials differ from those it was made for (compared
     * field by field, the token in constant time), so a rotated token never reuses stale state.
     */
    ConnectionClient of(ConfluenceAccess access) {
        long now = ticker.getAsLong();
        dropIdle(now);
        ConnectionClient current = clients.get(access.connection());
        if (current != null && current.madeFrom().equals(access)) {
            current.usedAt(now);
            // a sweep that dropped it before it was marked used is seen here: then it is made anew below, under the lock
            if (clients.get(access.connection()) == current) {
                return current;
            }
        }
        synchronized (this) {
            ConnectionClient client = clients.get(access.connection());
            if (client == null || !client.madeFrom().equals(access)) {
                client = create(access);
                clients.put(access.connection(), client);
            }
            client.usedAt(now);
            return client;
        }
    }

    /** At most once a minute: drops the clients not used for {@link #IDLE_CLIENT} (a call in flight keeps its own). */
    private void dropIdle(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        long idle = IDLE_CLIENT.toNanos();
        synchronized (this) {
            clients.values().removeIf(client -> now - client.lastUsed() > idle);
            bulkheads.entrySet().removeIf(entry -> {
                boolean unused = !clients.containsKey(entry.getKey()) && entry.getValue().inFlight() == 0 && entry.getValue().waiting() == 0;
                if (unused) {
                    meters.remove(entry.getValue().meters());
                }
                return unused;
            });
            Set<String> sitesInUse = clients.values().stream().map(client -> client.base().toString()).collect(Collectors.toSet());
            pacers.entrySet().removeIf(entry -> !sitesInUse.contains(entry.getKey()) && entry.getValue().inFlight() == 0);
        }
    }

    private ConnectionClient create(ConfluenceAccess access) {
        URI base = access.cloudId()
                .map(cloud -> URI.create(stripSlash(settings.gatewayOrigin().toString()) + "/ex/confluence/" + cloud.value()))
                .orElse(URI.create(access.site().origin()));
        String token = access.email().value() + ":" + access.apiToken().reveal();
        String authorization = "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        HttpClient own = httpClient(tls).executor(Runnable::run).build();
        Bulkhead bulkhead = bulkheads.computeIfAbsent(access.connection(), id -> new Bulkhead(id.value(),
                settings.concurrencyPerConnection(), settings.maxWaitersPerConnection(), settings.slotWait(), meters));
        SitePacer pacer = pacers.computeIfAbsent(base.toString(), site -> new SitePacer(settings.nearLimitDelay(), settings.maxWait(), ticker));
        ConnectionClient connection = new ConnectionClient(access, base, URI.create(access.site().wikiBase()), authorization, own,
                tls ? https : plainHttp, settings, observer, bulkhead, pacer, sleeper);
        ConfluenceApi api = Feign.builder()
                .client(new JdkFeignClient(connection, settings))
                .encoder(new JacksonEncoder(mapper))
                .decoder(new JsonBytesDecoder(mapper))
                .errorDecoder(new ConfluenceErrorDecoder(mapper, Clock.systemUTC()))
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .target(ConfluenceApi.class, base.toString());
        connection.attach(api);
        return connection;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
