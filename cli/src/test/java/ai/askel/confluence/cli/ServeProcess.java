package ai.askel.confluence.cli;

import ai.askel.confluence.app.reliability.Harness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code serve} in a JVM of its own (this module's test class path, {@link Main}), for the
 * tests that must kill it, stop it with a signal, or run several: start it with a data directory or a
 * database URL and any {@code ASKEL_*} settings, wait until {@code /health/ready} answers 200, send it
 * requests with the API key it was started with, then {@link #kill9()}, {@link #sigterm()} or
 * {@link #close()} it (which kills it if it still runs). Its standard output and error go to one log
 * file, shown in every failure.
 *
 * <pre>{@code
 * try (ServeProcess serve = ServeProcess.builder().dataDirectory(dir).setting("ASKEL_ALLOWED_SITE_ORIGINS", site).start()) {
 *     ServeProcess.Answer created = serve.post("/api/v1/connections", json, "Idempotency-Key", "k-1");
 *     serve.kill9();
 * }
 * }</pre>
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving http://([0-9.]+):(\\d+)/api/v1");
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Process process;
    private final Path log;
    private final String apiKey;
    private final AtomicInteger requests = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private ServeProcess(Process process, Path log, String apiKey, Duration startTimeout) {
        this.process = process;
        this.log = log;
        this.apiKey = apiKey;
        this.base = awaitReady(startTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An API key in the connector's format, for {@code ASKEL_BOOTSTRAP_API_KEY}. */
    public static String newApiKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("ask_");
        for (int i = 0; i < 41; i++) {
            key.append(i == 8 ? '_' : BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return key.toString();
    }

    /** How to start one. The API key, the data directory and the log directory carry over to {@link Builder#copy()}. */
    public static final class Builder {
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
        private final List<String> arguments = new ArrayList<>();
        private String apiKey = newApiKey();
        private Path logDirectory;
        private Duration startTimeout = Duration.ofSeconds(90);

        private Builder() {
            environment.put("ASKEL_HTTP_PORT", "0");
            environment.put("ASKEL_LOG_LEVEL", "INFO");
        }

        /** The embedded H2 database and the key file live here (also where the log goes, unless {@link #logDirectory}). */
        public Builder dataDirectory(Path directory) {
            environment.put("ASKEL_DATA_DIR", directory.toString());
            if (logDirectory == null) {
                logDirectory = directory.getParent() == null ? directory : directory.getParent();
            }
            return this;
        }

        /** A PostgreSQL database instead of the embedded one; {@code masterKey} is base64 of 32 bytes. */
        public Builder database(String jdbcUrl, String user, String password, String masterKey) {
            environment.put("ASKEL_DATABASE_URL", jdbcUrl);
            environment.put("ASKEL_DATABASE_USER", user);
            environment.put("ASKEL_DATABASE_PASSWORD", password);
            environment.put("ASKEL_MASTER_KEY", masterKey);
            return this;
        }

        /** Any setting, by its environment variable (docs/configuration.md). */
        public Builder setting(String environmentVariable, String value) {
            environment.put(environmentVariable, value);
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** More arguments after {@code serve} ({@code --sandbox}, say). */
        public Builder argument(String argument) {
            arguments.add(argument);
            return this;
        }

        public Builder logDirectory(Path directory) {
            logDirectory = directory;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            startTimeout = timeout;
            return this;
        }

        /** The same settings (and API key) for another start, on the same data directory or database. */
        public Builder copy() {
            Builder copy = new Builder();
            copy.environment.putAll(environment);
            copy.jvmOptions.clear();
            copy.jvmOptions.addAll(jvmOptions);
            copy.arguments.addAll(arguments);
            copy.apiKey = apiKey;
            copy.logDirectory = logDirectory;
            copy.startTimeout = startTimeout;
            return copy;
        }

        public String apiKey() {
            return apiKey;
        }

        /** Starts {@code serve} and waits until it is ready; fails with its output if it ends or does not get ready in time. */
        public ServeProcess start() {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("ASKEL_"));
            builder.environment().putAll(environment);
            builder.environment().put("ASKEL_BOOTSTRAP_API_KEY", apiKey);
            try {
                Path directory = logDirectory == null ? Files.createTempDirectory("serve-process") : logDirectory;
                Path log = directory.resolve("serve-" + STARTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
                builder.redirectOutput(log.toFile());
                return new ServeProcess(builder.start(), log, apiKey, startTimeout);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start serve: " + e.getMessage(), e);
            }
        }
    }

    private String awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String found = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("serve ended with exit code " + process.exitValue() + " before it was ready:\n" + output());
            }
            if (found == null) {
                Matcher m = SERVING.matcher(output());
                if (m.find()) {
                    found = "http://" + m.group(1) + ":" + m.group(2);
                }
            }
            if (found != null) {
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(found + "/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200) {
                        return found;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            sleep(25);
        }
        process.destroyForcibly();
        throw new IllegalStateException("serve was not ready within " + timeout.toSeconds() + " s:\n" + output());
    }

    /** {@code http://127.0.0.1:<port>} */
    public String base() {
        return base;
    }

    public String apiKey() {
        return apiKey;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far (standard output and error). */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no close, nothing flushed that was not already. Waits until it is gone. */
    public void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM (an orderly stop); returns at once. */
    public void sigterm() {
        process.destroy(); // SIGTERM on Unix
    }

    /** Waits for the process to end; answers its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("serve did not end within " + timeout.toSeconds() + " s:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- HTTP, with the API key it was started with ----

    /** An answer: status, body and headers (names lower-case). */
    public record Answer(int status, String body, Map<String, List<String>> headers) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT))).flatMap(v -> v.stream().findFirst());
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, "application/json");
    }

    /** A GET with another API key than the one this process was started with. */
    public Answer getAs(String key, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key),
                "GET", HttpRequest.BodyPublishers.noBody());
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    /** A JSON POST; {@code headers} are name, value pairs (an Idempotency-Key, say). */
    public Answer post(String path, String json, String... headers) {
        return send("POST", path, json, "application/json", headers);
    }

    public Answer put(String path, String json, String... headers) {
        return send("PUT", path, json, "application/json", headers);
    }

    /** A multipart upload of one file (the attachment routes). */
    public Answer upload(String path, String fileName, String mediaType, byte[] content, String... headers) {
        return multipart(path, null, fileName, mediaType, content, headers);
    }

    /** A multipart POST of a JSON {@code request} part and one file part (a runbook published with its diagram). */
    public Answer postWithFile(String path, String requestJson, String fileName, String mediaType, byte[] content, String... headers) {
        return multipart(path, requestJson, fileName, mediaType, content, headers);
    }

    private Answer multipart(String path, String requestJson, String fileName, String mediaType, byte[] content, String... headers) {
        String boundary = "serve-process-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (requestJson != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n"
                    + requestJson + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary), "POST",
                HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()), headers);
    }

    public Answer send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                headers);
    }

    private Answer send(HttpRequest.Builder request, String method, HttpRequest.BodyPublisher body, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            // each request has its own id, so that an answer belonging to another request cannot pass for this one's
            String id = "serve-process-" + requests.incrementAndGet();
            HttpResponse<String> response = Harness.requireAnswerTo(id, http.send(request.setHeader("X-Request-Id", id).method(method, body)
                    .build(), HttpResponse.BodyHandlers.ofString()));
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + request.build().uri() + " failed: " + e + "\n" + output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
