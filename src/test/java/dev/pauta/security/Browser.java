package dev.pauta.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client that keeps every cookie it is given and follows no redirect, like a browser tab whose steps a test takes one at a time. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Any method, with an Authorization header (or none), a JSON body (or none) and extra header pairs. */
    HttpResponse<String> call(String method, String path, String authorization, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The CSRF token of this browser's session, read from the sign-in form as a person's browser would. */
    String csrfToken() {
        Matcher token = CSRF.matcher(get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("the sign-in form carries no CSRF token");
        }
        return token.group(1);
    }

    /** Fills in and sends the sign-in form; the answer is the redirect it gets. */
    HttpResponse<String> signIn(String username, String password) {
        return postForm("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken()));
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
