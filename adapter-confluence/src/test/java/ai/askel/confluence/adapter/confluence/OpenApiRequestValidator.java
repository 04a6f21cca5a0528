package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.spec.ConfluenceSpecs;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks requests against Atlassian's own OpenAPI documents (v1 {@code /wiki/rest/api}, v2
 * {@code /wiki/api/v2}); the gateway prefix {@code /ex/confluence/{cloudId}} is removed first.
 */
public final class OpenApiRequestValidator {
    private static OpenApiRequestValidator instance;

    private final OpenApiInteractionValidator v1;
    private final OpenApiInteractionValidator v2;

    private OpenApiRequestValidator() {
        this.v1 = OpenApiInteractionValidator.createForInlineApiSpecification(ConfluenceSpecs.V1.text())
                .withBasePathOverride("/").build();
        this.v2 = OpenApiInteractionValidator.createForInlineApiSpecification(ConfluenceSpecs.V2.text())
                .withBasePathOverride("/wiki/api/v2").build();
    }

    /** One validator per JVM: the specs take a second or two to load. */
    public static synchronized OpenApiRequestValidator get() {
        if (instance == null) {
            instance = new OpenApiRequestValidator();
        }
        return instance;
    }

    /** The problems with one request, empty when it is valid (or not a Confluence API path). */
    public List<String> problems(LoggedRequest logged) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : logged.getHeaders().all()) {
            headers.put(h.key(), h.values());
        }
        return problems(logged.getMethod().getName(), logged.getUrl(), headers, logged.getBodyAsString());
    }

    /** The problems with one request given by method, path with query, headers and body. */
    public List<String> problems(String method, String url, Map<String, List<String>> headers, String body) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        path = path.replaceFirst("^/ex/confluence/[0-9a-f-]{36}", "");
        OpenApiInteractionValidator validator = path.startsWith("/wiki/api/v2/") ? v2 : path.startsWith("/wiki/rest/api/") ? v1 : null;
        if (validator == null) {
            return List.of("not a Confluence API path: " + path);
        }
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        query.forEach(b::withQueryParam);
        headers.forEach(b::withHeader);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        ValidationReport report = validator.validateRequest(b.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> method + " " + url + ": " + m.getKey() + " " + m.getMessage())
                .toList();
    }
}
