package ai.askel.confluence.plugins.runbook;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.storage.Inline;
import ai.askel.confluence.domain.storage.PanelType;
import ai.askel.confluence.domain.storage.StatusColour;
import ai.askel.confluence.domain.storage.StorageBuilder;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built-in runbook as it was written in Java before it became a declarative template, kept as
 * the test oracle: the declarative template must render the same canonical storage for any inputs.
 *
 * <p>Originally: the built-in {@code customer-environment-runbook} template: the page an on-call engineer opens
 * when a customer's environment needs attention. A status summary up top, then endpoints (with a
 * copy-paste health check), where the credentials live (never the credentials), the architecture
 * diagram, maintenance window and procedure, escalation contacts and free notes. Optional sections
 * with nothing to say are left out. The output depends on the inputs and the render context only,
 * so the same runbook always renders the same body.
 */
final class LegacyRunbookRenderer implements ContentTemplateProvider {
    public static final String ID = "customer-environment-runbook";
    public static final String VERSION = "1.0.0";

    static final String ENVIRONMENT = "environment";
    static final String CUSTOMER = "customer";
    static final String STATUS = "status";
    static final String REGIONS = "regions";
    static final String ENDPOINTS = "endpoints";
    static final String CREDENTIALS_LOCATION = "credentialsLocation";
    static final String MAINTENANCE_WINDOW = "maintenanceWindow";
    static final String MAINTENANCE_PROCEDURE = "maintenanceProcedure";
    static final String ESCALATION_CONTACTS = "escalationContacts";
    static final String ARCHITECTURE_DIAGRAM = "architectureDiagram";
    static final String NOTES = "notes";

    static final List<String> ENDPOINT_COLUMNS = List.of("name", "url", "notes");
    static final List<String> CONTACT_COLUMNS = List.of("name", "role", "contact", "hours");

    private static final List<TemplateInput> INPUTS = List.of(
            TemplateInput.required(ENVIRONMENT, InputType.STRING, "The environment's name; the page heading")
                    .withExample("Crestview Production"),
            TemplateInput.required(CUSTOMER, InputType.STRING, "The customer the environment belongs to")
                    .withExample("Crestview Health"),
            TemplateInput.required(STATUS, InputType.STRING, "The environment's state, shown as a status lozenge:"
                    + " LIVE (green), PROVISIONING (blue), DEGRADED (yellow), DOWN (red), DECOMMISSIONED (grey)")
                    .withExample("LIVE"),
            TemplateInput.optional(REGIONS, InputType.STRING_LIST, "The cloud regions the environment runs in")
                    .withExample("[\"eu-west-1\", \"eu-central-1\"]"),
            TemplateInput.table(ENDPOINTS, false, "The environment's endpoints; http(s) URLs become links and a health check",
                    ENDPOINT_COLUMNS)
                    .withExample("[{\"name\": \"API\", \"url\": \"https://api.crestview.example\", \"notes\": \"Public\"}]"),
            TemplateInput.optional(CREDENTIALS_LOCATION, InputType.STRING,
                    "Where the environment's secrets are kept (a vault path, a password-manager entry); never a secret itself")
                    .withExample("vault: secret/customers/crestview/prod"),
            TemplateInput.optional(MAINTENANCE_WINDOW, InputType.STRING, "When planned maintenance may happen")
                    .withExample("Sundays 02:00-04:00 UTC"),
            TemplateInput.optional(MAINTENANCE_PROCEDURE, InputType.STRING_LIST, "The maintenance steps, in order")
                    .withExample("[\"Announce the window in #crestview-ops\", \"Drain traffic\", \"Apply the upgrade\"]"),
            TemplateInput.table(ESCALATION_CONTACTS, false, "Who to call, in escalation order; e-mail addresses become links",
                    CONTACT_COLUMNS)
                    .withExample("[{\"name\": \"Ada Lovelace\", \"role\": \"On-call lead\", \"contact\": \"ada@askel.ai\","
                            + " \"hours\": \"24/7\"}]"),
            TemplateInput.optional(ARCHITECTURE_DIAGRAM, InputType.STRING,
                    "The file name of the architecture diagram attached with the runbook; shown as an image when attached")
                    .withExample("crestview-prod-architecture.png"),
            TemplateInput.optional(NOTES, InputType.TEXT, "Anything else the on-call engineer should know; blank lines separate paragraphs")
                    .withExample("The reporting database is read-only during the maintenance window."));

    private static final Map<String, StatusColour> STATUS_COLOURS = statusColours();
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R[ \\t]*\\R\\s*");
    private static final Pattern LINE = Pattern.compile("\\R");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String displayName() {
        return "Customer environment runbook";
    }

    @Override
    public String description() {
        return "An operations runbook for one customer environment: status, endpoints, credentials location,"
                + " architecture, maintenance and escalation contacts.";
    }

    @Override
    public List<TemplateInput> inputs() {
        return INPUTS;
    }

    @Override
    public Optional<String> titlePattern() {
        return Optional.of("{" + ENVIRONMENT + "}");
    }

    @Override
    public String render(TemplateInputs templateInputs, RenderContext context) {
        RunbookInputs in = new RunbookInputs(templateInputs);
        String environment = in.requiredText(ENVIRONMENT);
        StorageBuilder page = StorageBuilder.create().heading(1, environment);
        summary(page, in);
        endpoints(page, in.table(ENDPOINTS, ENDPOINT_COLUMNS));
        in.text(CREDENTIALS_LOCATION).ifPresent(location -> credentials(page, location));
        in.text(ARCHITECTURE_DIAGRAM).ifPresent(diagram -> architecture(page, environment, diagram, context));
        maintenance(page, in.text(MAINTENANCE_WINDOW), in.list(MAINTENANCE_PROCEDURE));
        contacts(page, in.table(ESCALATION_CONTACTS, CONTACT_COLUMNS));
        in.text(NOTES).ifPresent(notes -> notes(page, notes));
        return page.horizontalRule()
                .paragraph(Inline.emphasis("Generated from the " + ID + " template, version " + VERSION
                        + ". Change the runbook's inputs and publish again rather than editing this page:"
                        + " edits made here are reported as drift and may be overwritten."))
                .build();
    }

    /** The lozenge colour for a status; unknown states are grey. */
    static StatusColour colourOf(String status) {
        return STATUS_COLOURS.getOrDefault(status.strip().toUpperCase(Locale.ROOT).replace('_', ' '), StatusColour.GREY);
    }

    private static void summary(StorageBuilder page, RunbookInputs in) {
        String status = in.requiredText(STATUS);
        String customer = in.requiredText(CUSTOMER);
        List<String> regions = in.list(REGIONS);
        Optional<String> window = in.text(MAINTENANCE_WINDOW);
        page.panel(PanelType.INFO, "At a glance", panel -> {
            panel.paragraph(Inline.strong("Status: "), Inline.status(colourOf(status), status));
            panel.paragraph(Inline.strong("Customer: "), Inline.text(customer));
            if (!regions.isEmpty()) {
                panel.paragraph(Inline.strong(regions.size() == 1 ? "Region: " : "Regions: "), Inline.text(String.join(", ", regions)));
            }
            window.ifPresent(w -> panel.paragraph(Inline.strong("Maintenance window: "), Inline.text(w)));
        });
    }

    private static void endpoints(StorageBuilder page, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        page.heading(2, "Endpoints")
                .tableOf(List.of("Name", "URL", "Notes"), rows.stream()
                        .map(row -> List.of(Inline.text(row.get(0)), urlCell(row.get(1)), Inline.text(row.get(2))))
                        .toList());
        List<String> checks = rows.stream()
                .map(row -> row.get(1))
                .filter(LegacyRunbookRenderer::isWebUrl)
                .map(url -> "curl -fsS --max-time 10 -o /dev/null -w '%{http_code}\\n' " + shellQuoted(url))
                .distinct()
                .toList();
        if (!checks.isEmpty()) {
            page.heading(3, "Health check")
                    .paragraph("Each endpoint should answer with a 2xx status within ten seconds:")
                    .codeBlock("bash", String.join("\n", checks));
        }
    }

    private static void credentials(StorageBuilder page, String location) {
        page.heading(2, "Access and credentials")
                .paragraph(Inline.text("Credentials for this environment are kept in "), Inline.code(location), Inline.text("."))
                .panel(PanelType.WARNING, "Never put secrets on this page", panel -> panel.paragraph(
                        "This page records where the credentials live, never the credentials themselves. Fetch them from the"
                                + " location above with your own access, and never paste passwords, tokens or keys here or in a"
                                + " comment: Confluence keeps every version of a page."));
    }

    private static void architecture(StorageBuilder page, String environment, String diagram, RenderContext context) {
        page.heading(2, "Architecture");
        if (context.attachmentFileNames().contains(diagram)) {
            page.attachedImage(diagram, "Architecture diagram of " + environment);
        } else {
            page.panel(PanelType.NOTE, "Diagram not attached", panel -> panel.paragraph(
                    Inline.text("The architecture diagram "), Inline.code(diagram),
                    Inline.text(" is not attached to this page. Publish the runbook with it attached to show it here.")));
        }
    }

    private static void maintenance(StorageBuilder page, Optional<String> window, List<String> procedure) {
        if (window.isEmpty() && procedure.isEmpty()) {
            return;
        }
        page.heading(2, "Maintenance");
        window.ifPresent(w -> page.paragraph(Inline.strong("Window: "), Inline.text(w)));
        if (!procedure.isEmpty()) {
            page.heading(3, "Procedure").orderedList(procedure);
        }
    }

    private static void contacts(StorageBuilder page, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        page.heading(2, "Escalation contacts")
                .paragraph("In escalation order: start at the top and move down when there is no answer.")
                .tableOf(List.of("Name", "Role", "Contact", "Hours"), rows.stream()
                        .map(row -> List.of(Inline.text(row.get(0)), Inline.text(row.get(1)), contactCell(row.get(2)),
                                Inline.text(row.get(3))))
                        .toList());
    }

    private static void notes(StorageBuilder page, String notes) {
        page.heading(2, "Notes");
        for (String paragraph : BLANK_LINES.split(notes)) {
            List<Inline> content = new ArrayList<>();
            for (String line : LINE.split(paragraph.strip())) {
                if (!content.isEmpty()) {
                    content.add(Inline.lineBreak());
                }
                content.add(Inline.text(line));
            }
            page.paragraph(content.toArray(Inline[]::new));
        }
    }

    private static Inline urlCell(String url) {
        if (isWebUrl(url)) {
            return Inline.link(url, url);
        }
        return url.isEmpty() ? Inline.text("") : Inline.code(url);
    }

    private static Inline contactCell(String contact) {
        if (EMAIL.matcher(contact).matches()) {
            return Inline.link("mailto:" + contact, contact);
        }
        return isWebUrl(contact) ? Inline.link(contact, contact) : Inline.text(contact);
    }

    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** POSIX single quoting: the reader can paste the command as it is, whatever the URL holds. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static Map<String, StatusColour> statusColours() {
        Map<String, StatusColour> colours = new HashMap<>();
        List.of("LIVE", "ACTIVE", "HEALTHY", "OPERATIONAL", "UP").forEach(s -> colours.put(s, StatusColour.GREEN));
        List.of("PROVISIONING", "DEPLOYING", "MIGRATING", "MAINTENANCE", "UPGRADING").forEach(s -> colours.put(s, StatusColour.BLUE));
        List.of("DEGRADED", "AT RISK", "PARTIAL OUTAGE").forEach(s -> colours.put(s, StatusColour.YELLOW));
        List.of("DOWN", "OUTAGE", "FAILED", "UNAVAILABLE").forEach(s -> colours.put(s, StatusColour.RED));
        List.of("DECOMMISSIONED", "RETIRED", "SUSPENDED").forEach(s -> colours.put(s, StatusColour.GREY));
        return Map.copyOf(colours);
    }
}
