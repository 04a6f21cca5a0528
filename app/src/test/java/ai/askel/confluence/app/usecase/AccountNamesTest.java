package ai.askel.confluence.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccountNamesTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ConfluenceAccess access = ConfluenceAccess.of(f.connections.find(ref.workspace(), ref.connection()).orElseThrow());
    private final AccountNames names = new AccountNames(f.confluence);

    @Test
    void no_account_to_name_asks_nothing() {
        UnaryOperator<String> none = names.lookUp(access, Set.of());

        assertThat(f.confluence.calls("users.bulk")).isZero();
        assertThat(none.apply("557058:bob")).isEqualTo("account 557058:bob");
    }

    @Test
    void more_accounts_than_one_lookup_takes_are_asked_in_one_call_of_at_most_the_specs_bound() {
        Set<String> many = IntStream.range(0, ConfluenceUsersPort.MAX_BULK_LOOKUP + 50).mapToObj(i -> "557058:%04d".formatted(i))
                .collect(Collectors.toSet());
        f.confluence.person("557058:0000", "Ann First");

        UnaryOperator<String> named = names.lookUp(access, many);

        assertThat(f.confluence.calls("users.bulk")).isEqualTo(1);
        assertThat(named.apply("557058:0000")).isEqualTo("Ann First");
        assertThat(named.apply("557058:0299")).as("beyond the bound: shown by id").isEqualTo("account 557058:0299");
    }

    @Test
    void a_failed_lookup_falls_back_to_the_names_answered_before_and_never_throws() {
        f.confluence.person("557058:bob", "Bob Smith");
        assertThat(names.lookUp(access, Set.of("557058:bob")).apply("557058:bob")).isEqualTo("Bob Smith");
        f.confluence.failNext("users.bulk", new ConfluenceUnavailableException("Confluence failed (503)", "trace", null));

        UnaryOperator<String> named = names.lookUp(access, Set.of("557058:bob", "557058:eve"));

        assertThat(named.apply("557058:bob")).isEqualTo("Bob Smith");
        assertThat(named.apply("557058:eve")).isEqualTo("account 557058:eve");
    }
}
