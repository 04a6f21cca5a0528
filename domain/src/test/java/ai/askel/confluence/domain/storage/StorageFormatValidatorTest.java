package ai.askel.confluence.domain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StorageFormatValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plain text",
            "<p>Hello <strong>world</strong></p><p/>",
            "<ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\"><ac:parameter ac:name=\"language\">java</ac:parameter>"
                    + "<ac:plain-text-body><![CDATA[if (a < b && c > d) {}]]></ac:plain-text-body></ac:structured-macro>",
            "<ac:image><ri:attachment ri:filename=\"a.png\" /></ac:image>",
            "<ac:link><ri:page ri:content-title=\"Other page\" ri:space-key=\"INFRA\" /></ac:link>",
            "<ac:task-list><ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>x</ac:task-body></ac:task></ac:task-list>",
            "<p>a&#160;b &#xA0; &amp; &lt; &gt; &quot; &apos;</p>",
            "<p>line one</p>\n<p>line two</p>\n",
            "<!-- a comment --><p>x</p>",
            "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[<!DOCTYPE html><html/>]]></ac:plain-text-body></ac:structured-macro>",
    })
    void accepts_well_formed_storage_with_confluence_namespaces(String body) {
        assertThatNoException().isThrownBy(() -> StorageFormatValidator.validate(body));
    }

    @Test
    void html_only_entities_are_rejected_by_name_with_the_numeric_alternative() {
        assertThatThrownBy(() -> StorageFormatValidator.validate("<p>a&nbsp;b</p>"))
                .isInstanceOfSatisfying(InvalidStorageFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STORAGE_FORMAT);
                    assertThat(e).isInstanceOf(InvalidInputException.class);
                    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("body.value"));
                    assertThat(e.getMessage()).contains("&nbsp;").contains("&#160;").contains("line 1, column 11");
                });
        assertThatThrownBy(() -> StorageFormatValidator.validate("<p>&copy; 2026 &mdash; x</p>")).hasMessageContaining("&copy;");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<p>unclosed                       | 1 | 12 | 'element type \"p\" must be terminated'",
            "<p>a</b>                          | 1 | 7  | must be terminated by the matching end-tag",
            "<p><strong>x</p></strong>         | 1 | 15 | must be terminated by the matching end-tag",
            "<p x=1>a</p>                      | 1 | 6  | Open quote is expected",
            "a & b                             | 1 | 4  | entity name must immediately follow",
            "<foo:bar/>                        | 1 | 11 | prefix \"foo\" for element \"foo:bar\" is not bound",
    })
    void malformed_bodies_are_rejected_with_line_column_and_reason(String body, int line, int column, String reason) {
        assertThatThrownBy(() -> StorageFormatValidator.validate(body))
                .isInstanceOfSatisfying(InvalidStorageFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).startsWith("body.value: not valid storage format at line %d, column %d: ".formatted(line, column))
                            .contains(reason);
                });
    }

    // like the parser, a position points just past the offending token; on line 1 the wrapper is not counted
    @ParameterizedTest
    @ValueSource(strings = {"<p>a&nbsp;b</p>", "<p>a</b>", "<p x=1>a</p>", "a & b"})
    void the_same_error_has_the_same_column_on_the_first_line_as_on_any_other(String line) {
        InvalidStorageFormatException first = org.junit.jupiter.api.Assertions.assertThrows(InvalidStorageFormatException.class,
                () -> StorageFormatValidator.validate(line));
        InvalidStorageFormatException third = org.junit.jupiter.api.Assertions.assertThrows(InvalidStorageFormatException.class,
                () -> StorageFormatValidator.validate("<p>1</p>\n<p>2</p>\n" + line));

        assertThat(first.line()).isEqualTo(1);
        assertThat(third.line()).isEqualTo(3);
        assertThat(third.column()).isEqualTo(first.column());
    }

    @Test
    void positions_after_the_first_line_are_the_body_s_own() {
        String body = "<p>one</p>\n<p>two</p>\n<p>three &nbsp;</p>";

        assertThatThrownBy(() -> StorageFormatValidator.validate(body))
                .isInstanceOfSatisfying(InvalidStorageFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(16);
                });
    }

    @Test
    void an_element_left_open_is_reported_at_the_end_of_the_body() {
        assertThatThrownBy(() -> StorageFormatValidator.validate("<p>a</p>\n<ul><li>x</li>"))
                .isInstanceOfSatisfying(InvalidStorageFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(15);
                    assertThat(e.getMessage()).contains("\"ul\"");
                });
    }

    @Test
    void the_wrapping_root_cannot_be_closed_from_inside() {
        assertThatThrownBy(() -> StorageFormatValidator.validate("x</askel-root><askel-root>y"))
                .isInstanceOf(InvalidStorageFormatException.class);
        assertThatThrownBy(() -> StorageFormatValidator.validate("</askel-root>"))
                .isInstanceOf(InvalidStorageFormatException.class);
    }

    @Test
    void an_external_entity_is_refused_without_being_fetched() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/xxe";
            String body = "<!DOCTYPE p [<!ENTITY xxe SYSTEM \"" + url + "\">]><p>&xxe;</p>";

            assertThatThrownBy(() -> StorageFormatValidator.validate(body))
                    .isInstanceOfSatisfying(InvalidStorageFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(1);
                        assertThat(e.column()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("DOCTYPE");
                    });
            assertThatThrownBy(() -> StorageFormatValidator.validate("<p/><!DOCTYPE p SYSTEM \"" + url + "\">"))
                    .isInstanceOf(InvalidStorageFormatException.class).hasMessageContaining("column 5");
            assertThat(requests).as("the parser never fetched the entity").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_local_file_entity_is_refused_and_never_read(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String body = "<!DOCTYPE p [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]><p>&s;</p>";

        assertThatThrownBy(() -> StorageFormatValidator.validate(body))
                .isInstanceOf(InvalidStorageFormatException.class)
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void billion_laughs_fails_fast() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String body = doctype + "]><p>&lol9;</p>";

        long start = System.nanoTime();
        assertThatThrownBy(() -> StorageFormatValidator.validate(body)).isInstanceOf(InvalidStorageFormatException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_lower_case_doctype_is_refused_too() {
        assertThatThrownBy(() -> StorageFormatValidator.validate("<p>x</p>\n  <!doctype html>"))
                .isInstanceOfSatisfying(InvalidStorageFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                });
    }

    @Test
    void a_declaration_with_blanks_after_its_bang_is_refused_but_one_quoted_in_a_comment_is_text() {
        assertThatThrownBy(() -> StorageFormatValidator.validate("<p>x</p><!\n\t EnTiTy x \"y\">"))
                .isInstanceOfSatisfying(InvalidStorageFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.getMessage()).contains("DOCTYPE or entity declaration");
                });
        assertThatCode(() -> StorageFormatValidator.validate("<p>x</p><!-- <!DOCTYPE html> and <! ENTITY -->")).doesNotThrowAnyException();
        assertThatCode(() -> StorageFormatValidator.validate("<p>&lt;!DOCTYPE is how HTML starts</p>")).doesNotThrowAnyException();
    }

    @Test
    void an_undeclared_entity_is_not_an_expansion_vector() {
        assertThatThrownBy(() -> StorageFormatValidator.validate("<p>&xxe;</p>")).hasMessageContaining("&xxe;");
    }

    @Test
    void a_body_checked_a_second_time_gets_the_same_answer() {
        String valid = new StringBuilder("<p>checked twice</p>").toString();
        String invalid = new StringBuilder("<p>checked twice</q>").toString();
        String sameTextAsValid = new StringBuilder("<p>checked twice</p>").toString();

        assertThatNoException().isThrownBy(() -> StorageFormatValidator.validate(valid));
        assertThatNoException().isThrownBy(() -> StorageFormatValidator.validate(valid));
        assertThatThrownBy(() -> StorageFormatValidator.validate(invalid)).isInstanceOf(InvalidStorageFormatException.class);
        assertThatThrownBy(() -> StorageFormatValidator.validate(invalid)).isInstanceOf(InvalidStorageFormatException.class);
        assertThatNoException().isThrownBy(() -> StorageFormatValidator.validate(sameTextAsValid));
        assertThatThrownBy(() -> StorageFormatValidator.validate("<p>" + "unclosed")).isInstanceOf(InvalidStorageFormatException.class);
    }
}
