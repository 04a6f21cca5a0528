package ai.askel.confluence.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ConfluenceSpecsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+\\.json)` \\| (https://\\S+) \\| (\\d{4}-\\d{2}-\\d{2}) \\| `([0-9a-f]{64})` \\|$",
            Pattern.MULTILINE);

    @Test
    void every_document_matches_the_sha256_the_readme_records_for_it() throws IOException {
        Map<String, String> recorded = recordedChecksums();
        assertThat(recorded.keySet()).as("README rows").containsExactlyInAnyOrder(
                ConfluenceSpecs.all().stream().map(ConfluenceSpecs::fileName).toArray(String[]::new));
        for (ConfluenceSpecs spec : ConfluenceSpecs.all()) {
            assertThat(sha256(spec.bytes())).as(spec.fileName()).isEqualTo(recorded.get(spec.fileName()));
        }
    }

    @Test
    void each_document_is_an_openapi_3_description_of_its_api_version() {
        assertThat(ConfluenceSpecs.V1.text()).startsWith("{").contains("\"openapi\"").contains("/wiki/rest/api/search");
        assertThat(ConfluenceSpecs.V2.text()).startsWith("{").contains("\"openapi\"").contains("/pages/{id}");
    }

    @Test
    void a_changed_byte_changes_the_checksum_the_test_compares() {
        byte[] bytes = ConfluenceSpecs.V2.bytes();
        String original = sha256(bytes);
        bytes[bytes.length / 2] ^= 1;
        assertThat(sha256(bytes)).isNotEqualTo(original);
    }

    private static Map<String, String> recordedChecksums() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(readme);
        while (m.find()) {
            rows.put(m.group(1), m.group(4));
        }
        return rows;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
