package ai.askel.confluence.plugins.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.storage.StatusColour;
import ai.askel.confluence.domain.storage.StorageCanonicalForm;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplate;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplates;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerEnvironmentRunbookProviderTest {
    private static final String DIAGRAM = "crestview-prod-architecture.png";
    private static final java.util.Set<String> REQUIRED = java.util.Set.of("environment", "customer", "status");

    private final CustomerEnvironmentRunbookProvider template = new CustomerEnvironmentRunbookProvider();
    /** The same runbook with its body written in storage format instead of Markdown (same descriptor). */
    private static final DeclarativeTemplate STORAGE_FORMAT_VERSION = storageFormatVersion();

    @Test
    void is_found_by_the_service_loader_and_accepts_this_host() {
        List<ContentTemplateProvider> found = ServiceLoader.load(ContentTemplateProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(found).extracting(ContentTemplateProvider::id).containsExactly("customer-environment-runbook");
        assertThatCode(() -> found.get(0).init(TemplateHostContext.current())).doesNotThrowAnyException();
    }

    @Test
    void declares_every_input_with_a_type_a_description_and_an_example() {
        assertThat(template.inputs()).extracting(TemplateInput::name).containsExactly("environment", "customer", "status",
                "regions", "endpoints", "credentialsLocation", "maintenanceWindow", "maintenanceProcedure", "escalationContacts",
                "architectureDiagram", "notes");
        assertThat(template.inputs()).filteredOn(TemplateInput::required).extracting(TemplateInput::name)
                .containsExactly("environment", "customer", "status");
        assertThat(template.inputs()).allSatisfy(input -> {
            assertThat(input.description()).isNotBlank();
            assertThat(input.example()).isPresent();
        });
        assertThat(input("endpoints").columns()).containsExactly("name", "url", "notes");
        assertThat(input("escalationContacts").columns()).containsExactly("name", "role", "contact", "hours");
        assertThat(input("regions").type()).isEqualTo(InputType.STRING_LIST);
        assertThat(input("notes").type()).isEqualTo(InputType.TEXT);
    }

    @Test
    void renders_a_heading_and_an_info_panel_summary_with_the_status_lozenge() {
        String body = render(fullInputs(), List.of(DIAGRAM));
        StorageDom dom = StorageDom.parse(body);

        assertThat(body).startsWith("<h1>Crestview Production</h1><ac:structured-macro ac:name=\"info\">"
                + "<ac:parameter ac:name=\"title\">At a glance</ac:parameter><ac:rich-text-body>"
                + "<p><strong>Status:</strong> <ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">Green"
                + "</ac:parameter><ac:parameter ac:name=\"title\">LIVE</ac:parameter></ac:structured-macro></p>"
                + "<p><strong>Customer:</strong> Crestview Health &amp; Care</p>"
                + "<p><strong>Regions:</strong> eu-west-1, eu-central-1</p>"
                + "<p><strong>Maintenance window:</strong> Sundays 02:00-04:00 UTC</p></ac:rich-text-body></ac:structured-macro>");
        assertThat(dom.texts("h2")).containsExactly("Endpoints", "Access and credentials", "Architecture", "Maintenance",
                "Escalation contacts", "Notes");
        assertThat(dom.macros()).containsExactly("info", "status", "code", "warning");
    }

    @Test
    void renders_endpoints_as_a_table_with_links_and_a_health_check_for_the_web_ones() {
        String body = render(fullInputs());

        assertThat(body).contains("<h2>Endpoints</h2><table><tbody><tr><th>Name</th><th>URL</th><th>Notes</th></tr>"
                + "<tr><td>API</td><td><a href=\"https://api.crestview.example/v1\">https://api.crestview.example/v1</a></td>"
                + "<td>Public, behind the WAF</td></tr>"
                + "<tr><td>Database</td><td><code>postgres://db.internal:5432/crestview</code></td><td></td></tr>"
                + "</tbody></table>");
        assertThat(body).contains("<h3>Health check</h3>");
        assertThat(StorageDom.parse(body).texts("ac:plain-text-body"))
                .containsExactly("curl -fsS --max-time 10 -o /dev/null -w '%{http_code}\\n' 'https://api.crestview.example/v1'");
    }

    @Test
    void renders_the_credentials_location_as_code_followed_by_a_warning_never_the_secret() {
        String body = render(fullInputs());

        assertThat(body).contains("<h2>Access and credentials</h2><p>Credentials for this environment are kept in "
                + "<code>vault: secret/customers/crestview/prod</code>.</p><ac:structured-macro ac:name=\"warning\">"
                + "<ac:parameter ac:name=\"title\">Never put secrets on this page</ac:parameter>");
    }

    @Test
    void renders_the_diagram_as_an_image_of_the_attachment_when_it_is_attached() {
        String body = render(fullInputs(), List.of("other.pdf", DIAGRAM));

        assertThat(body).contains("<h2>Architecture</h2><ac:image ac:alt=\"Architecture diagram of Crestview Production\">"
                + "<ri:attachment ri:filename=\"crestview-prod-architecture.png\" /></ac:image>");
    }

    @Test
    void given_the_diagram_is_not_attached_renders_a_note_instead_of_a_broken_image() {
        String body = render(fullInputs(), List.of("other.pdf"));

        assertThat(body).doesNotContain("<ac:image");
        assertThat(body).contains("<h2>Architecture</h2><ac:structured-macro ac:name=\"note\">"
                + "<ac:parameter ac:name=\"title\">Diagram not attached</ac:parameter><ac:rich-text-body><p>The architecture diagram "
                + "<code>crestview-prod-architecture.png</code> is not attached to this page.");
    }

    @Test
    void renders_the_maintenance_window_and_the_procedure_as_numbered_steps() {
        assertThat(render(fullInputs())).contains("<h2>Maintenance</h2><p><strong>Window:</strong> Sundays 02:00-04:00 UTC</p>"
                + "<h3>Procedure</h3><ol><li>Announce the window in #crestview-ops</li><li>Drain traffic from eu-west-1</li>"
                + "<li>Apply the upgrade and watch the error rate</li></ol>");
    }

    @Test
    void renders_escalation_contacts_as_a_table_with_mail_links() {
        assertThat(render(fullInputs())).contains("<tr><th>Name</th><th>Role</th><th>Contact</th><th>Hours</th></tr>"
                + "<tr><td>Ada Lovelace</td><td>On-call lead</td><td><a href=\"mailto:ada@askel.ai\">ada@askel.ai</a></td>"
                + "<td>24/7</td></tr><tr><td>Grace Hopper</td><td>Engineering manager</td><td>+44 20 7946 0000</td>"
                + "<td>Weekdays 09:00-17:00</td></tr></tbody></table>");
    }

    @Test
    void renders_notes_as_paragraphs_keeping_line_breaks() {
        assertThat(render(fullInputs())).contains("<h2>Notes</h2><p>The reporting database is read-only<br />during the window.</p>"
                + "<p>Ask before restarting the cache.</p><hr /><p><em>Generated from the customer-environment-runbook template,"
                + " version 1.0.0.");
    }

    @Test
    void the_full_page_is_valid_storage_format() {
        assertThatCode(() -> StorageFormatValidator.validate(render(fullInputs()))).doesNotThrowAnyException();
        assertThatCode(() -> StorageFormatValidator.validate(render(fullInputs(), List.of(DIAGRAM)))).doesNotThrowAnyException();
    }

    @Test
    void given_only_the_required_inputs_renders_a_clean_page_without_empty_sections() {
        String body = render(new TemplateInputs(Map.of("environment", "Crestview Staging", "customer", "Crestview Health",
                "status", "PROVISIONING", "regions", List.of(" ", ""), "endpoints", List.of(Map.of("notes", " ")),
                "notes", "   ")));

        StorageFormatValidator.validate(body);
        StorageDom dom = StorageDom.parse(body);
        assertThat(dom.texts("h1")).containsExactly("Crestview Staging");
        assertThat(dom.texts("h2")).isEmpty();
        assertThat(dom.macros()).containsExactly("info", "status");
        assertThat(body).contains("<ac:parameter ac:name=\"colour\">Blue</ac:parameter>")
                .doesNotContain("Regions", "<table>", "Maintenance window", "<ac:image")
                .contains("<hr />");
    }

    @Test
    void the_same_inputs_always_render_the_same_body() {
        assertThat(render(fullInputs())).isEqualTo(new CustomerEnvironmentRunbookProvider().render(fullInputs(), context(List.of())));
    }

    @ParameterizedTest
    @CsvSource({"LIVE, GREEN", "live, GREEN", "Provisioning, BLUE", "DEGRADED, YELLOW", "at_risk, YELLOW", "DOWN, RED",
            "DECOMMISSIONED, GREY", "something else, GREY"})
    void maps_the_status_to_a_lozenge_colour(String status, StatusColour colour) {
        String body = render(new TemplateInputs(Map.of("environment", "E", "customer", "C", "status", status)));

        assertThat(body).contains("<ac:parameter ac:name=\"colour\">" + colour.macroValue() + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">" + status + "</ac:parameter>");
    }

    @Test
    void quotes_urls_for_the_shell_so_the_health_check_is_safe_to_paste() {
        String body = render(new TemplateInputs(Map.of("environment", "E", "customer", "C", "status", "LIVE",
                "endpoints", List.of(Map.of("url", "https://x.example/a'b$(id)")))));

        assertThat(StorageDom.parse(body).texts("ac:plain-text-body"))
                .containsExactly("curl -fsS --max-time 10 -o /dev/null -w '%{http_code}\\n' 'https://x.example/a'\\''b$(id)'");
    }

    /**
     * The built-in runbook became a declarative template; for any inputs (benign, partial, hostile)
     * it renders the same page as the Java template it replaced, compared in canonical form.
     */
    /**
     * The Java template wrote a label's space inside the bold ({@code <strong>Status: </strong>}); Markdown cannot
     * (CommonMark's closing {@code **} may not follow a space), so the declarative one writes it just after
     * ({@code <strong>Status:</strong> }). The page reads the same; only that space moves.
     */
    private static String spaceAfterBold(String storage) {
        return storage.replaceAll(" </strong>", "</strong> ");
    }

    @Test
    void renders_the_same_canonical_storage_as_the_java_template_it_replaced() {
        LegacyRunbookRenderer java = new LegacyRunbookRenderer();
        Random random = new Random(20261202L);
        List<TemplateInputs> cases = new ArrayList<>(List.of(fullInputs(), new TemplateInputs(Map.of("environment", "E",
                "customer", "C", "status", "DOWN", "regions", List.of("eu-west-1"), "maintenanceProcedure", List.of("Only step"),
                "endpoints", List.of(Map.of("name", "a", "url", "https://a.example"), Map.of("name", "b", "url", "https://a.example"),
                        Map.of("name", "c", "url", "ftp://x"), Map.of("notes", "no url"))))));
        for (int round = 0; round < 80; round++) {
            cases.add(inputs(name -> REQUIRED.contains(name) || random.nextInt(4) != 0 ? hostileString(random) : " ",
                    hostileFileName(random)));
        }
        for (TemplateInputs inputs : cases) {
            for (List<String> attachments : List.of(List.<String>of(), List.of(DIAGRAM),
                    List.of(inputs.get("architectureDiagram").map(Object::toString).orElse("x.png")))) {
                String declarative = render(inputs, attachments);
                String expected = spaceAfterBold(java.render(inputs, context(attachments)));
                assertThat(StorageCanonicalForm.of(declarative)).isEqualTo(StorageCanonicalForm.of(expected));
            }
        }
    }

    /**
     * Seeded random hostile strings in every input, compared with a benign render of the same
     * shape: the elements, their attributes and the macros must be exactly the same, and every
     * value must come back as text.
     */
    @Test
    void no_input_can_inject_markup_or_macros() {
        assertNoInputCanInjectMarkupOrMacros(this::render);
    }

    @Test
    void no_input_can_inject_markup_or_macros_into_the_storage_format_version() {
        assertNoInputCanInjectMarkupOrMacros((inputs, attachments) -> STORAGE_FORMAT_VERSION.render(inputs, context(attachments)));
    }

    /**
     * Written in storage format, the runbook renders the same page as the Markdown one for any inputs (benign,
     * partial, hostile), compared in canonical form. One difference is allowed: the loop in the health check's
     * CDATA leaves its last line break, where a Markdown code block drops trailing line breaks.
     */
    @Test
    void the_storage_format_version_renders_the_same_canonical_storage_as_the_markdown_one() {
        Random random = new Random(20261203L);
        List<TemplateInputs> cases = new ArrayList<>(List.of(fullInputs(), new TemplateInputs(Map.of("environment", "E",
                "customer", "C", "status", "DOWN", "regions", List.of("eu-west-1"), "endpoints", List.of(Map.of("notes", "no url"))))));
        for (int round = 0; round < 80; round++) {
            cases.add(inputs(name -> REQUIRED.contains(name) || random.nextInt(4) != 0 ? hostileString(random) : " ",
                    hostileFileName(random)));
        }
        for (TemplateInputs inputs : cases) {
            for (List<String> attachments : List.of(List.<String>of(), List.of(DIAGRAM),
                    List.of(inputs.get("architectureDiagram").map(Object::toString).orElse("x.png")))) {
                String storage = STORAGE_FORMAT_VERSION.render(inputs, context(attachments)).replace("\n]]></ac:plain-text-body>",
                        "]]></ac:plain-text-body>");
                assertThat(StorageCanonicalForm.of(storage)).isEqualTo(StorageCanonicalForm.of(render(inputs, attachments)));
            }
        }
    }

    private static void assertNoInputCanInjectMarkupOrMacros(BiFunction<TemplateInputs, List<String>, String> render) {
        Random random = new Random(20261128L);
        for (int round = 0; round < 300; round++) {
            List<String> hostile = new ArrayList<>();
            UnaryOperator<String> attack = ignored -> {
                String value = hostileString(random);
                hostile.add(value);
                return value;
            };
            String diagram = hostileFileName(random);
            boolean attached = random.nextBoolean();
            List<String> attachments = attached ? List.of(diagram) : List.of();

            String body = render.apply(inputs(attack, diagram), attachments);
            String benign = render.apply(inputs(ignored -> "benign", "diagram.png"), attached ? List.of("diagram.png") : List.of());

            StorageFormatValidator.validate(body);
            StorageDom dom = StorageDom.parse(body);
            assertThat(dom.structure()).as("round %d", round).isEqualTo(StorageDom.parse(benign).structure());
            assertThat(dom.macros()).doesNotContain("html");
            String text = dom.textAndAttributes();
            for (String value : hostile) {
                assertThat(text).as("round %d", round).contains(xmlLegal(value.strip()));
            }
            assertThat(text).contains(diagram);
        }
    }

    private static final String[] HOSTILE_PIECES = {
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[", "]]]]><![CDATA[>", "</p>", "</td></tr></tbody></table>", "<br />",
        "<ac:structured-macro ac:name=\"html\"><ac:plain-text-body><![CDATA[<script>alert(1)</script>]]></ac:plain-text-body>"
                + "</ac:structured-macro>",
        "<ac:parameter ac:name=\"colour\">Red</ac:parameter>", "\"><ri:attachment ri:filename=\"x\" />", "&amp;", "&nbsp;",
        "&#x3c;", "&lt;", "<!--", "-->", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "{environment}", "\u0000", "\u0001", "\u0008", "\u001B", "\u001F", "\u007F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00",
        "\t", " ", "Crestview", "é", "😀", "https://evil.example/?a=1&b=2", "javascript:alert(1)", "mailto:", "LIVE"
    };

    /** Starts with '<' so it is never a URL or an e-mail address, and has no line breaks: the shape stays that of the benign render. */
    private static String hostileString(Random random) {
        StringBuilder value = new StringBuilder("<");
        int pieces = 1 + random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            value.append(HOSTILE_PIECES[random.nextInt(HOSTILE_PIECES.length)]);
        }
        return value.toString();
    }

    /** A file name Confluence accepts (no control characters, no slashes), still full of markup. */
    private static String hostileFileName(Random random) {
        String name = hostileString(random).replaceAll("[\\p{Cntrl}/\\\\\\uFFFE\\uFFFF\\uD800-\\uDFFF]", "").strip();
        return name.substring(0, Math.min(name.length(), 200)).strip() + ".png";
    }

    private static TemplateInputs inputs(UnaryOperator<String> value, String diagram) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", value.apply("environment"));
        inputs.put("customer", value.apply("customer"));
        inputs.put("status", value.apply("status"));
        inputs.put("regions", List.of(value.apply("region 1"), value.apply("region 2")));
        inputs.put("endpoints", List.of(
                Map.of("name", value.apply("name"), "url", value.apply("url"), "notes", value.apply("notes")),
                Map.of("name", value.apply("name"), "url", "https://api.example/search?q=a&b='c'", "notes", value.apply("notes"))));
        inputs.put("credentialsLocation", value.apply("credentials"));
        inputs.put("maintenanceWindow", value.apply("window"));
        inputs.put("maintenanceProcedure", List.of(value.apply("step 1"), value.apply("step 2")));
        inputs.put("escalationContacts", List.of(Map.of("name", value.apply("name"), "role", value.apply("role"),
                "contact", value.apply("contact"), "hours", value.apply("hours"))));
        inputs.put("architectureDiagram", diagram);
        inputs.put("notes", value.apply("notes"));
        return new TemplateInputs(inputs);
    }

    /** What an XML parser gives back for a string the builder escaped: characters XML cannot hold become U+FFFD. */
    private static String xmlLegal(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000;
            out.appendCodePoint(legal ? cp : 0xFFFD);
        });
        return out.toString();
    }

    private static DeclarativeTemplate storageFormatVersion() {
        try (InputStream descriptor = resource(CustomerEnvironmentRunbookProvider.RESOURCES + "/template.yaml");
             InputStream body = resource("ai/askel/confluence/plugins/runbook/customer-environment-runbook.xml")) {
            String yaml = new String(descriptor.readAllBytes(), StandardCharsets.UTF_8).replace("body: body.md", "body: body.xml");
            return DeclarativeTemplates.fromText("template.yaml", yaml, "body.xml", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(CustomerEnvironmentRunbookProviderTest.class.getClassLoader().getResourceAsStream(name), name);
    }

    private static TemplateInputs fullInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", "Crestview Production");
        inputs.put("customer", "Crestview Health & Care");
        inputs.put("status", "LIVE");
        inputs.put("regions", List.of("eu-west-1", "eu-central-1"));
        inputs.put("endpoints", List.of(
                Map.of("name", "API", "url", "https://api.crestview.example/v1", "notes", "Public, behind the WAF"),
                Map.of("name", "Database", "url", "postgres://db.internal:5432/crestview")));
        inputs.put("credentialsLocation", "vault: secret/customers/crestview/prod");
        inputs.put("maintenanceWindow", "Sundays 02:00-04:00 UTC");
        inputs.put("maintenanceProcedure", List.of("Announce the window in #crestview-ops", "Drain traffic from eu-west-1",
                "Apply the upgrade and watch the error rate"));
        inputs.put("escalationContacts", List.of(
                Map.of("name", "Ada Lovelace", "role", "On-call lead", "contact", "ada@askel.ai", "hours", "24/7"),
                Map.of("name", "Grace Hopper", "role", "Engineering manager", "contact", "+44 20 7946 0000",
                        "hours", "Weekdays 09:00-17:00")));
        inputs.put("architectureDiagram", DIAGRAM);
        inputs.put("notes", "The reporting database is read-only\nduring the window.\n\nAsk before restarting the cache.\n");
        return new TemplateInputs(inputs);
    }

    private String render(TemplateInputs inputs) {
        return render(inputs, List.of());
    }

    private String render(TemplateInputs inputs, List<String> attachments) {
        return template.render(inputs, context(attachments));
    }

    private static RenderContext context(List<String> attachments) {
        return new RenderContext(TemplateHostContext.CURRENT_SPI_VERSION, Title.of("Crestview Production"), SpaceKey.of("OPS"),
                attachments);
    }

    private TemplateInput input(String name) {
        return template.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }
}
