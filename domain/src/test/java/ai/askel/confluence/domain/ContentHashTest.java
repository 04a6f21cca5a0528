package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentHashTest {

    @Test
    void of_bytes_is_plain_sha256() {
        // the SHA-256 test vector for "abc" (FIPS 180-2)
        assertThat(ContentHash.ofBytes("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void of_parts_is_length_prefixed_so_boundaries_matter() {
        assertThat(ContentHash.of("ab", "c")).isNotEqualTo(ContentHash.of("a", "bc"));
        assertThat(ContentHash.of("abc")).isNotEqualTo(ContentHash.of("ab", "c"));
        assertThat(ContentHash.of("x", "y")).isEqualTo(ContentHash.of("x", "y"));
    }

    @Test
    void of_parts_hashes_length_colon_utf8_bytes() {
        MessageDigest digest = ContentHash.sha256();
        digest.update("2:é".getBytes(StandardCharsets.UTF_8));

        assertThat(ContentHash.of("é")).isEqualTo(ContentHash.fromDigest(digest));
    }

    @Test
    void a_valid_hash_round_trips_through_its_hex() {
        ContentHash hash = ContentHash.of("body");

        assertThat(new ContentHash(hash.hex())).isEqualTo(hash);
        assertThat(hash).hasToString(hash.hex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015adff",
            "za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"})
    void only_64_lower_case_hex_digits_are_a_hash(String hex) {
        assertThatThrownBy(() -> new ContentHash(hex))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("contentHash: must be 64 lower-case hex digits");
    }

    @Test
    void null_is_not_a_hash() {
        assertThatThrownBy(() -> new ContentHash(null)).isInstanceOf(InvalidInputException.class);
    }
}
