package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConfluenceClientsTest {
    private final AtomicLong now = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConfluenceClients clients = new ConfluenceClients(ConfluenceClientSettings.defaults(), ConfluenceCallObserver.NONE,
            ConfluenceAdapterModule.newMapper(), registry, d -> now.addAndGet(d.toNanos()), now::get);
    private final ConfluenceAccess acme = access("https://acme.atlassian.net");
    private final ConfluenceAccess globex = access("https://globex.atlassian.net");

    @Test
    void each_connection_answers_on_a_client_of_its_own_and_uploads_share_one_with_worker_threads() {
        ConnectionClient a = clients.of(acme);
        ConnectionClient b = clients.of(globex);

        assertThat(a.http()).isNotSameAs(b.http());
        assertThat(a.http().executor()).isPresent();
        assertThat(a.uploads()).isSameAs(b.uploads());
        assertThat(a.uploads().executor()).isEmpty();
        assertThat(clients.of(acme)).isSameAs(a);
    }

    @Test
    void a_call_is_in_flight_for_the_sites_pacer_until_it_ends_answered_or_not() throws Exception {
        ConnectionClient a = clients.of(acme);
        ConnectionClient.Outcome answered = new ConnectionClient.Outcome(null, RateSignal.of(200, name -> null, java.time.Clock.systemUTC()));

        String result = a.exchange("GET /wiki/api/v2/spaces", deadline -> {
            assertThat(a.pacer().inFlight()).as("while the call runs").isEqualTo(1);
            return "ok";
        }, r -> answered);
        assertThat(result).isEqualTo("ok");
        assertThatThrownBy(() -> a.exchange("GET /wiki/api/v2/spaces", deadline -> {
            throw new java.io.IOException("connection reset");
        }, r -> answered)).isInstanceOf(java.io.IOException.class);

        assertThat(a.pacer().inFlight()).as("after an answer and after a failure without one").isZero();
    }

    @Test
    void a_client_unused_for_the_idle_limit_is_dropped_and_made_anew_on_its_next_call() {
        ConnectionClient a = clients.of(acme);
        ConnectionClient b = clients.of(globex);

        advance(ConfluenceClients.IDLE_CLIENT.minusMinutes(1));
        assertThat(clients.of(acme)).isSameAs(a);
        advance(Duration.ofMinutes(2));
        assertThat(clients.of(acme)).as("used two minutes ago").isSameAs(a);
        advance(ConfluenceClients.IDLE_CLIENT.minusSeconds(1));
        assertThat(clients.of(acme)).as("used within the limit").isSameAs(a);
        ConnectionClient bAgain = clients.of(globex);

        assertThat(bAgain).as("unused for longer than the limit").isNotSameAs(b);
        assertThat(bAgain.http()).isNotSameAs(b.http());
    }

    @Test
    void a_dropped_connection_takes_its_bulkhead_meters_and_sites_pacer_with_it_unless_a_call_still_runs_there() {
        ConnectionClient a = clients.of(acme);
        ConnectionClient b = clients.of(globex);
        b.pacer(); // the site's budget, shared by every client of that site
        a.bulkhead().acquire("GET /wiki/api/v2/spaces", Deadline.after(Duration.ofSeconds(5)));
        assertThat(connectionsMetered()).containsExactlyInAnyOrder(acme.connection().value(), globex.connection().value());

        advance(ConfluenceClients.IDLE_CLIENT.plusMinutes(1));
        ConfluenceAccess initech = access("https://initech.atlassian.net");
        clients.of(initech); // any call sweeps

        assertThat(connectionsMetered()).as("acme has a call in flight; globex is gone")
                .containsExactlyInAnyOrder(acme.connection().value(), initech.connection().value());
        assertThat(clients.of(globex).pacer()).as("a new budget for a site no client reached for ten minutes").isNotSameAs(b.pacer());
        a.bulkhead().release();
        advance(ConfluenceClients.IDLE_CLIENT.plusMinutes(1));
        clients.of(initech);
        assertThat(connectionsMetered()).containsExactlyInAnyOrder(initech.connection().value());
    }

    private List<String> connectionsMetered() {
        return registry.find("askel.confluence.calls.in.flight").gauges().stream().map(g -> g.getId().getTag("connection")).toList();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    private static ConfluenceAccess access(String site) {
        return new ConfluenceAccess(ConnectionId.random(), SiteUrl.parse(site, List.of()), Optional.empty(),
                EmailAddress.of("ops@example.com"), Secret.of("token", "apiToken"));
    }
}
