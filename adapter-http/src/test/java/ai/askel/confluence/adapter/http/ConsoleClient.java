package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client of the console: signs in with an API key and sends the session's cookie and CSRF token with every form. */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestServer api;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConsoleClient(TestServer api) {
        this.api = api;
    }

    Session signIn(String key) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(api.uri("/console/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String signInCookie = cookie(form, "askel_console_signin");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(api.uri("/console/sign-in"))
                .header("Cookie", "askel_console_signin=" + signInCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(form.body()) + "&apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("sign-in answer: %s", signedIn.body()).isEqualTo(303);
        Session session = new Session(cookie(signedIn, "askel_console"));
        session.csrf = csrf(session.get("/console/connections").body());
        return session;
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token in %s", html).isTrue();
        return m.group(1);
    }

    /** A file sent with a multipart form. */
    record FormFile(String field, String fileName, String mediaType, byte[] content) {
    }

    final class Session {
        private final String id;
        private String csrf;

        Session(String id) {
            this.id = id;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A urlencoded form: {@code form} is appended to the CSRF field, so it starts with {@code &}. */
        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A multipart form, as the publish page sends it: the CSRF token, then each field (in order), then the files. */
        HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> fields, List<FormFile> files)
                throws IOException, InterruptedException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, "_csrf", csrf);
            for (Map.Entry<String, String> field : fields) {
                part(body, field.getKey(), field.getValue());
            }
            for (FormFile file : files) {
                body.writeBytes(("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                        + file.fileName() + "\"\r\nContent-Type: " + file.mediaType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file.content());
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + Multipart.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return client.send(request(path).header("Content-Type", Multipart.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private void part(ByteArrayOutputStream body, String name, String value) {
            body.writeBytes(("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(api.uri(path)).header("Cookie", "askel_console=" + id).timeout(Duration.ofSeconds(10));
        }
    }
}
