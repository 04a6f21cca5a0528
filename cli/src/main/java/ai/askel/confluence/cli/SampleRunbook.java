package ai.askel.confluence.cli;

import ai.askel.confluence.domain.TemplateInputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed story's runbook inputs for the built-in {@code customer-environment-runbook} template: the
 * "Crestview Production" environment of the demo, also used by the benchmarks and as an example of
 * every input the template takes.
 */
public final class SampleRunbook {
    public static final String TEMPLATE = "customer-environment-runbook";
    public static final String ENVIRONMENT = "Crestview Production";
    public static final String DIAGRAM = "crestview-prod-architecture.png";

    private SampleRunbook() {
    }

    /** Every input of the template, for an environment of this name, with these notes. */
    public static TemplateInputs inputs(String environment, String notes) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", environment);
        inputs.put("customer", "Crestview Health");
        inputs.put("status", "LIVE");
        inputs.put("regions", List.of("eu-west-1", "eu-central-1"));
        inputs.put("endpoints", List.of(
                Map.of("name", "Public API", "url", "https://api.crestview.example", "notes", "Behind the WAF"),
                Map.of("name", "Admin console", "url", "https://admin.crestview.example", "notes", "VPN only")));
        inputs.put("credentialsLocation", "vault: secret/customers/crestview/prod");
        inputs.put("maintenanceWindow", "Sundays 02:00-04:00 UTC");
        inputs.put("maintenanceProcedure", List.of("Announce the window in #crestview-ops", "Drain traffic from the load balancer",
                "Apply the upgrade", "Run the health checks", "Restore traffic"));
        inputs.put("escalationContacts", List.of(
                Map.of("name", "Ada Lovelace", "role", "On-call lead", "contact", "ada@example.com", "hours", "24/7"),
                Map.of("name", "Bob Reader", "role", "Account manager", "contact", "bob@example.com", "hours", "Mon-Fri 09-17 CET")));
        inputs.put("architectureDiagram", DIAGRAM);
        inputs.put("notes", notes);
        return new TemplateInputs(inputs);
    }
}
