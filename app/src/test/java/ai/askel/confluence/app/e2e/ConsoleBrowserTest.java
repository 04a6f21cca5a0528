package ai.askel.confluence.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.AskelHttpApi;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.app.wiring.HttpServerComponent;
import ai.askel.confluence.domain.WorkspaceIds;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The onboarding console in a real browser (headless Chromium) against the Confluence sandbox: the
 * seed story from sign-in to a resolved drift finding, then the console's defences (CSRF, hostile
 * titles, session expiry, headers and cookie flags), an axe-core accessibility check of every page,
 * and a phone-width layout. One browser walks it all, to stay cheap; screenshots of each page land
 * in target/console-screenshots.
 */
class ConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** A 1x1 PNG, the architecture diagram the story attaches. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static SandboxConnector connector;
    private static HttpApiServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String base;
    private static String apiKey;
    private static String keyPrefix;
    private static final List<String> accessibilityProblems = new ArrayList<>();

    @BeforeAll
    static void start() {
        browser = ChromiumBrowser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        connector = SandboxConnector.start(Map.of(Setting.HTTP_PORT, "0", Setting.CONFLUENCE_MAX_ATTEMPTS, "1"));
        server = AskelHttpApi.server(connector.askel).start();
        base = "http://127.0.0.1:" + server.port();
        var created = connector.askel.manageApiKeys().create(WorkspaceIds.DEFAULT, "console");
        apiKey = created.key().reveal();
        keyPrefix = created.record().prefix();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void an_onboarding_team_connects_a_site_publishes_the_runbook_and_resolves_its_drift_in_the_browser() throws Exception {
        // sign in: a wrong key is refused in words, the right one opens the (still empty) console
        browser.get(base + "/console");
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
        shot("01-sign-in");
        signIn("ask_wrongkey_" + "x".repeat(32));
        assertThat(text("#problem")).contains("not accepted");
        signIn(apiKey);
        wait.until(ExpectedConditions.urlContains("/console/connections"));
        assertThat(text("main")).contains("No Confluence site is connected yet");
        Cookie session = browser.manage().getCookieNamed("askel_console");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/console");
        assertThat(browser.getPageSource()).doesNotContain(apiKey);
        checkAccessibility("connections (empty)");

        // connect a site: first with a wrong token (explained, nothing saved), then the right one
        browser.findElement(By.linkText("Connect a site")).click();
        fill("siteUrl", connector.sandbox.baseUrl());
        fill("email", "ada@example.com");
        fill("apiToken", "not-adas-token");
        fill("tokenExpiresOn", "");
        fill("name", "Crestview");
        submit("form.stack");
        assertThat(text("#problem")).contains("Confluence rejected the email and API token").contains("id.atlassian.com");
        assertThat(browser.findElement(By.id("apiToken")).getAttribute("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("not-adas-token");
        assertThat(browser.findElement(By.id("siteUrl")).getAttribute("value")).isEqualTo(connector.sandbox.baseUrl());
        shot("02-connect-rejected");
        checkAccessibility("connect (rejected)");
        assertThat(connector.askel.listConnections().list(WorkspaceIds.DEFAULT)).isEmpty();
        fill("apiToken", "ada-token");
        submit("form.stack");

        // spaces: search, pick INFRA as the connection's target
        wait.until(ExpectedConditions.urlContains("/spaces"));
        assertThat(text(".notice")).contains("Connected to");
        shot("03-spaces");
        checkAccessibility("spaces");
        fill("q", "infra");
        submit("form.inline");
        // the search reloads the page: pick INFRA from the answer, not from the page that is going away
        wait.until(ExpectedConditions.urlContains("q=infra"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#space-INFRA button"))).click();

        // publish "Crestview Production" with the diagram: preview first, then publish
        wait.until(ExpectedConditions.urlContains("/console/publish"));
        assertThat(browser.findElement(By.id("space")).getAttribute("value")).isEqualTo("INFRA");
        assertThat(browser.findElement(By.id("parentTitle")).getAttribute("value")).isEqualTo("Customer Environments");
        assertThat(browser.findElement(By.id("labels")).getAttribute("value")).contains("auto-generated").contains("customer-runbook");
        fill("title", "Crestview Production");
        fill("in-environment", "Crestview Production");
        fill("in-customer", "Crestview Health");
        fill("in-status", "LIVE");
        fill("in-regions-0", "eu-west-1");
        browser.findElement(By.cssSelector("[data-add-row=regions]")).click();
        List<WebElement> regions = browser.findElements(By.name("in.regions"));
        assertThat(regions).hasSize(2);
        regions.get(1).sendKeys("eu-central-1");
        browser.findElement(By.name("in.endpoints.name")).sendKeys("Public API");
        browser.findElement(By.name("in.endpoints.url")).sendKeys("https://api.crestview.example");
        browser.findElement(By.name("in.endpoints.notes")).sendKeys("Behind the WAF");
        browser.findElement(By.cssSelector("[data-add-row=endpoints]")).click();
        assertThat(browser.findElements(By.name("in.endpoints.name"))).hasSize(2);
        browser.findElements(By.cssSelector("[data-rows=endpoints] .remove-row")).get(1).click();
        assertThat(browser.findElements(By.name("in.endpoints.name"))).hasSize(1);
        Path diagram = Files.createTempFile("crestview-prod-architecture", ".png");
        Files.write(diagram, PNG);
        Path named = diagram.resolveSibling("crestview-prod-architecture.png");
        Files.move(diagram, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("diagram")).sendKeys(named.toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        assertThat(text("#preview-result")).contains("create the page").contains("attach crestview-prod-architecture.png")
                .contains("Crestview Health");
        assertThat(text("#staged-diagram")).isEqualTo("crestview-prod-architecture.png");
        assertThat(connector.sandbox.findPageId("INFRA", "Crestview Production")).isEmpty();
        shot("04-publish-preview");
        checkAccessibility("publish (preview)");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(text(".outcome-word")).isEqualTo("created");
        assertThat(text("#outcome")).contains("create the page").contains("attach crestview-prod-architecture.png");
        String pageId = connector.sandbox.findPageId("INFRA", "Crestview Production").orElseThrow();
        assertThat(browser.findElement(By.id("page-link")).getAttribute("href")).contains(pageId);
        shot("05-publish-created");

        // runbooks: the page is listed; republishing it unchanged writes nothing
        browser.findElement(By.linkText("Runbooks")).click();
        assertThat(text("main")).contains("Crestview Production").contains("published").contains("in step");
        shot("06-runbooks");
        checkAccessibility("runbooks");
        browser.findElement(By.cssSelector("a[aria-label='Republish Crestview Production']")).click();
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Crestview Production");
        assertThat(browser.findElement(By.id("in-customer")).getAttribute("value")).isEqualTo("Crestview Health");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(text(".outcome-word")).isEqualTo("unchanged");

        // someone edits the page by hand; a scan finds it; overwriting from the template resolves it
        connector.sandbox.editPage(pageId, "ada@example.com", "<p>Edited by hand in Confluence</p>");
        browser.findElement(By.linkText("Drift")).click();
        assertThat(browser.findElements(By.id("no-findings"))).hasSize(1);
        browser.findElement(By.id("scan-now")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".finding[data-kind=EDITED_IN_CONFLUENCE]")));
        assertThat(text(".finding")).contains("Someone edited the page in Confluence").contains("Crestview Production");
        shot("07-drift-finding");
        checkAccessibility("drift");
        browser.findElement(By.cssSelector(".finding[data-kind=EDITED_IN_CONFLUENCE] button.danger")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-findings")));
        assertThat(text(".notice")).contains("Put back what the connector last wrote").contains("Crestview Production").contains("resolved");
        assertThat(connector.sandbox.findPage(pageId).orElseThrow().storage()).doesNotContain("Edited by hand");

        // audit: who (the key's prefix) did what
        browser.findElement(By.linkText("Audit")).click();
        assertThat(text("main")).contains(keyPrefix).contains("connection.register");
        shot("08-audit");
        checkAccessibility("audit");

        // connections at a glance, at 1280 px and on a phone
        browser.findElement(By.linkText("Connections")).click();
        assertThat(text(".health")).contains("Verified");
        shot("09-connections");
        checkAccessibility("connections");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        shot("10-connections-phone");
        browser.findElement(By.linkText("Publish")).click();
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        shot("11-publish-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // hostile titles from Confluence render as text: no script runs, no element is injected
        connector.sandbox.addSpace("XSS", "<img src=x onerror=\"window.__xss=1\">");
        connector.sandbox.renamePage(pageId, "ada@example.com", "\"><img src=x onerror=window.__xss=2><script>window.__xss=3</script>");
        String connectionId = connector.askel.listConnections().list(WorkspaceIds.DEFAULT).get(0).id().value();
        browser.get(base + "/console/connections/" + connectionId + "/spaces?q=xss");
        assertThat(text("main")).contains("<img src=x onerror=\"window.__xss=1\">");
        browser.findElement(By.linkText("Drift")).click();
        browser.findElement(By.id("scan-now")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".finding[data-kind=RENAMED]")));
        assertThat(text(".finding[data-kind=RENAMED]")).contains("<script>window.__xss=3</script>");
        assertThat(browser.executeScript("return window.__xss === undefined && document.querySelectorAll('main img, main script').length === 0"))
                .isEqualTo(true);
        shot("12-drift-hostile-title");

        // a form without its CSRF token is refused, and nothing is done
        int findingsBefore = connector.askel.checkDrift().openFindings(WorkspaceIds.DEFAULT).size();
        browser.executeScript("document.querySelector('form[action=\"/console/drift/scan\"] input[name=_csrf]').remove()");
        browser.findElement(By.id("scan-now")).click();
        // the drift page's own h1 is there until the refusal arrives: wait for the refusal's words
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "did not carry this session's security token"));
        assertThat(connector.askel.checkDrift().openFindings(WorkspaceIds.DEFAULT)).hasSize(findingsBefore);

        // security headers on every page
        HttpResponse<String> signInPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signInPage.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(signInPage.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(signInPage.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(signInPage.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(signInPage.body()).doesNotContainPattern("<script>|\\son[a-z]+=");

        // sign out: the session is gone, the pages ask to sign in again
        browser.get(base + "/console/connections");
        browser.findElement(By.cssSelector("form.sign-out button")).click();
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
        browser.get(base + "/console/runbooks");
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));

        assertThat(accessibilityProblems).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void an_idle_session_expires_and_the_console_says_so() throws Exception {
        var config = connector.askel.config().with(Setting.CONSOLE_SESSION_IDLE, "PT1S").with(Setting.HTTP_PORT, "0");
        try (HttpApiServer shortLived = AskelHttpApi.server(connector.askel, config).start()) {
            String other = "http://127.0.0.1:" + shortLived.port();
            browser.manage().deleteAllCookies();
            browser.get(other + "/console/sign-in");
            fill("apiKey", apiKey);
            submit("form.stack");
            wait.until(ExpectedConditions.urlContains("/console/connections"));
            Thread.sleep(1500);
            browser.get(other + "/console/runbooks");
            wait.until(ExpectedConditions.urlContains("/console/sign-in"));
            assertThat(text(".notice")).contains("Your session expired");
        }
    }

    private static void signIn(String key) {
        fill("apiKey", key);
        submit("form.stack");
    }

    private static void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        if ("date".equals(field.getAttribute("type"))) {
            browser.executeScript("arguments[0].value = arguments[1]", field, value);
            return;
        }
        field.clear();
        field.sendKeys(value);
    }

    private static void submit(String formSelector) {
        WebElement form = browser.findElement(By.cssSelector(formSelector));
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** The element's text once it is there; an element replaced while it was read (the page moved on) is looked up again. */
    private static String text(String selector) {
        try {
            return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(driver -> driver.findElement(By.cssSelector(selector)).getText());
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("failure");
            throw new AssertionError("no " + selector + " on " + browser.getCurrentUrl() + ":\n" + browser.findElement(By.tagName("main")).getText(), e);
        }
    }

    private static void shot(String name) {
        ChromiumBrowser.screenshot(browser, SCREENSHOTS, name);
    }

    private static void checkAccessibility(String page) {
        for (Rule rule : new AxeBuilder().analyze(browser).getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                accessibilityProblems.add(page + ": " + rule.getId() + " (" + rule.getHelp() + ") at " + rule.getNodes().size() + " element(s)");
            }
        }
    }
}
