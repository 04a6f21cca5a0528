package ai.askel.confluence.app.config;

import ai.askel.confluence.adapter.persistence.PersistenceSettings;

/**
 * Every configuration setting of the connector: its environment variable, its property name (for
 * the optional properties file), its default and what it does. {@code docs/configuration.md} is
 * checked against this list by a test, so the two cannot drift apart.
 */
public enum Setting {
    DATA_DIR("ASKEL_DATA_DIR", "askel.data-dir", "./askel-data",
            "Directory of the embedded H2 database and the generated master-key file."),
    DATABASE_URL("ASKEL_DATABASE_URL", "askel.database.url", "",
            "JDBC URL of a PostgreSQL database shared by several instances (for example jdbc:postgresql://db:5432/askel). Empty: embedded H2 in the data directory."),
    DATABASE_USER("ASKEL_DATABASE_USER", "askel.database.user", "",
            "Database user (PostgreSQL)."),
    DATABASE_PASSWORD("ASKEL_DATABASE_PASSWORD", "askel.database.password", "",
            "Database password (PostgreSQL). Secret: never logged."),
    DATABASE_POOL_SIZE("ASKEL_DATABASE_POOL_SIZE", "askel.database.pool-size", Integer.toString(PersistenceSettings.DEFAULT_POOL_SIZE),
            "Maximum database connections in the pool."),
    CONNECTION_CACHE_TTL("ASKEL_CONNECTION_CACHE_TTL", "askel.database.connection-cache-ttl", "PT5S",
            "How long a connection read from the database is served from memory (ISO-8601 duration, at most PT5M; PT0S: read it on every call). Changes made through this instance take effect at once; changes made by another instance sharing the database within this time."),
    MASTER_KEY("ASKEL_MASTER_KEY", "askel.master-key", "",
            "Base64 of a 32-byte AES-256 key that encrypts API tokens at rest. Empty: a key file created on first start in the data directory (owner-only permissions). Secret: never logged."),
    HTTP_HOST("ASKEL_HTTP_HOST", "askel.http.host", "127.0.0.1",
            "Address the HTTP API listens on (0.0.0.0 to accept remote connections)."),
    HTTP_PORT("ASKEL_HTTP_PORT", "askel.http.port", "8080",
            "Port of the HTTP API."),
    ALLOWED_SITE_ORIGINS("ASKEL_ALLOWED_SITE_ORIGINS", "askel.allowed-site-origins", "",
            "Comma-separated origins allowed as Confluence sites besides https://<name>.atlassian.net (for example http://127.0.0.1:8090 for the sandbox). Everything else is refused before any request (SSRF guard)."),
    CONFLUENCE_TIMEOUT("ASKEL_CONFLUENCE_TIMEOUT", "askel.confluence.timeout", "PT30S",
            "Timeout of one Confluence attempt (ISO-8601 duration, longer than zero); never longer than what is left of the request's deadline."),
    CONFLUENCE_MAX_ATTEMPTS("ASKEL_CONFLUENCE_MAX_ATTEMPTS", "askel.confluence.max-attempts", "4",
            "Attempts per Confluence call when it is retried (429, 503, and 5xx/IO errors of idempotent requests)."),
    CONFLUENCE_MAX_RETRY_WAIT("ASKEL_CONFLUENCE_MAX_RETRY_WAIT", "askel.confluence.max-retry-wait", "PT60S",
            "Longest single wait before a retry (longer than zero); an absurd Retry-After is clamped to this."),
    CONFLUENCE_MAX_CONCURRENCY("ASKEL_CONFLUENCE_MAX_CONCURRENCY", "askel.confluence.max-concurrency", "10",
            "Confluence calls in flight at once per connection, shared by all callers."),
    REQUEST_DEADLINE("ASKEL_REQUEST_DEADLINE", "askel.request-deadline", "PT30S",
            "Deadline of one request (HTTP call, CLI command, embedded use-case call): waiting for a connection's slot or for another publish of the same runbook, every Confluence attempt and every retry pause share it; then 504 DEADLINE_EXCEEDED and nothing more is attempted. An upload gets 1 s more per 256 KiB. Outside HTTP a drift scan gives each of its Confluence calls a deadline of its own, and a call that only touches the connector's database has none."),
    CONFLUENCE_SLOT_WAIT("ASKEL_CONFLUENCE_SLOT_WAIT", "askel.confluence.slot-wait", "PT0.5S",
            "Longest wait for a free slot on a connection whose calls are all in flight; then 503 CONNECTION_BUSY with Retry-After."),
    CONFLUENCE_MAX_WAITERS("ASKEL_CONFLUENCE_MAX_WAITERS", "askel.confluence.max-waiters", "20",
            "Calls that may wait for a slot on one connection at once; one more is refused at once with 503 CONNECTION_BUSY."),
    CONFLUENCE_MAX_RESPONSE_BYTES("ASKEL_CONFLUENCE_MAX_RESPONSE_BYTES", "askel.confluence.max-response-bytes", "16777216",
            "Most bytes read of a Confluence answer carrying a page body (other answers: half of it); a larger answer is CONFLUENCE_RESPONSE_TOO_LARGE, never read whole."),
    PAGE_UPDATE_CONFLICT_RETRIES("ASKEL_PAGE_UPDATE_CONFLICT_RETRIES", "askel.page-update.conflict-retries", "3",
            "Times a page update without a base version reads the page again and retries when the page moved on between its read and its write (0 to 10); then 409 VERSION_CONFLICT. An update with a base version never retries."),
    HTTP_BODY_READ_TIMEOUT("ASKEL_HTTP_BODY_READ_TIMEOUT", "askel.http.body-read-timeout", "PT20S",
            "Time a JSON request body has to arrive whole (an upload: 1 s more per 256 KiB); a slower sender's connection is closed (408)."),
    HTTP_MAX_THREADS("ASKEL_HTTP_MAX_THREADS", "askel.http.max-threads", "200",
            "Threads of the HTTP server."),
    HTTP_RESERVED_THREADS("ASKEL_HTTP_RESERVED_THREADS", "askel.http.reserved-threads", "40",
            "Threads never given to API calls, so health, metrics and quick refusals are served when Confluence sites are slow; API calls beyond the rest get 503 SERVER_BUSY. From 4 to ASKEL_HTTP_MAX_THREADS less 8."),
    MAX_ATTACHMENT_BYTES("ASKEL_MAX_ATTACHMENT_BYTES", "askel.max-attachment-bytes", "104857600",
            "Largest attachment accepted (bytes); checked before any upload. Confluence's own cap is 2 GB."),
    PLUGINS_DIR("ASKEL_PLUGINS_DIR", "askel.plugins-dir", "",
            "The templates directory: declarative template folders and zips (serve reloads them when they change) and template jars (loaded at start)."),
    LOG_FORMAT("ASKEL_LOG_FORMAT", "askel.log-format", "text",
            "Log format on standard error: text or json."),
    DRIFT_SCAN_INTERVAL("ASKEL_DRIFT_SCAN_INTERVAL", "askel.drift.scan-interval", "PT15M",
            "How often the `serve` instances scan every connection for drift (ISO-8601 duration); each scan runs on one instance of the cluster. PT0S turns the periodic scan off."),
    TOKEN_EXPIRY_WARNING("ASKEL_TOKEN_EXPIRY_WARNING", "askel.drift.token-expiry-warning", "P14D",
            "How long before a token's registered expiry date drift reports TOKEN_EXPIRING."),
    SHUTDOWN_GRACE("ASKEL_SHUTDOWN_GRACE", "askel.shutdown.grace", "PT30S",
            "How long `serve` lets requests in flight finish after SIGTERM/SIGINT before it stops anyway (a second signal stops at once)."),
    IDEMPOTENCY_LEASE("ASKEL_IDEMPOTENCY_LEASE", "askel.idempotency.lease", "PT30S",
            "How long a request holds its Idempotency-Key without renewing it (renewed every third of it while the request runs); after a crash the key can be retried this long after the last renewal."),
    CONSOLE_ENABLED("ASKEL_CONSOLE_ENABLED", "askel.console.enabled", "true",
            "Whether `serve` serves the onboarding console at /console on the API's port (true or false)."),
    CONSOLE_SESSION_IDLE("ASKEL_CONSOLE_SESSION_IDLE", "askel.console.session-idle", "PT30M",
            "How long a console session may sit idle before it ends (ISO-8601 duration, at least PT1S)."),
    CONSOLE_SESSION_MAX("ASKEL_CONSOLE_SESSION_MAX", "askel.console.session-max", "PT8H",
            "How long a console session lasts at most, however busy (ISO-8601 duration, at least ASKEL_CONSOLE_SESSION_IDLE)."),
    CONSOLE_SIGN_IN_ATTEMPTS("ASKEL_CONSOLE_SIGN_IN_ATTEMPTS", "askel.console.sign-in-attempts", "10",
            "Console sign-in attempts allowed per client address and minute."),
    TOKEN_EXPIRY_CHECK_INTERVAL("ASKEL_TOKEN_EXPIRY_CHECK_INTERVAL", "askel.drift.token-expiry-check-interval", "PT6H",
            "How often one instance of the cluster checks every connection's registered token expiry date (no Confluence call)."),
    JOB_THREADS("ASKEL_JOB_THREADS", "askel.jobs.threads", "8",
            "Job items (batch runbook publishes) and recurring tasks one instance runs at once. Confluence calls stay within ASKEL_CONFLUENCE_MAX_CONCURRENCY per connection."),
    JOB_POLL_INTERVAL("ASKEL_JOB_POLL_INTERVAL", "askel.jobs.poll-interval", "PT1S",
            "How often an idle instance looks for queued job items and due recurring tasks in the database."),
    JOB_HEARTBEAT("ASKEL_JOB_HEARTBEAT", "askel.jobs.heartbeat", "PT10S",
            "How often an instance marks the job items it runs as alive."),
    JOB_MISSED_HEARTBEATS("ASKEL_JOB_MISSED_HEARTBEATS", "askel.jobs.missed-heartbeats", "6",
            "Heartbeats an item may miss before another instance treats its instance as dead and runs it again."),
    JOB_SHUTDOWN_WAIT("ASKEL_JOB_SHUTDOWN_WAIT", "askel.jobs.shutdown-wait", "PT30S",
            "How long a stopping instance waits for the job items it runs; the rest are run again elsewhere once their heartbeat is missed."),
    JOB_RETRY_BACKOFF("ASKEL_JOB_RETRY_BACKOFF", "askel.jobs.retry-backoff", "PT2S",
            "The first wait before a job item that failed transiently (429, 5xx, timeout) runs again; doubled each time."),
    JOB_MAX_ATTEMPTS("ASKEL_JOB_MAX_ATTEMPTS", "askel.jobs.max-attempts", "5",
            "Attempts of one job item before a transient failure is recorded as its result."),
    JOB_RETENTION("ASKEL_JOB_RETENTION", "askel.jobs.retention", "P7D",
            "How long a finished job and its items' results are kept before the housekeeping task purges them."),
    JOB_HOUSEKEEPING_INTERVAL("ASKEL_JOB_HOUSEKEEPING_INTERVAL", "askel.jobs.housekeeping-interval", "PT5M",
            "How often one instance of the cluster purges finished jobs past their retention and queues again items a crashed submission left unqueued."),
    BOOTSTRAP_API_KEY("ASKEL_BOOTSTRAP_API_KEY", "askel.bootstrap-api-key", "",
            "An API key to accept for the default workspace on an unattended `serve` start (format ask_<8 chars>_<32 chars>). Secret: never logged.");

    private final String environmentVariable;
    private final String property;
    private final String defaultValue;
    private final String description;

    Setting(String environmentVariable, String property, String defaultValue, String description) {
        this.environmentVariable = environmentVariable;
        this.property = property;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String property() {
        return property;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Whether the value is a secret that must never be printed. */
    public boolean isSecret() {
        return this == DATABASE_PASSWORD || this == MASTER_KEY || this == BOOTSTRAP_API_KEY;
    }
}
