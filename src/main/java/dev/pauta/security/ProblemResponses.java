package dev.pauta.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security layer's answers as problem+json with a code and a hint, like every other error of the API: 401 with no
 * Basic challenge (so browsers cache no credentials), 403, 429 with Retry-After, and 400 for requests the firewall
 * rejects. No body names a Java class.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof InsufficientAuthenticationException) {
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "This endpoint needs an authenticated caller.",
                    "send HTTP Basic credentials (curl -u user:password) or 'Authorization: Bearer <api key>'; a session cookie is not accepted by the API");
        } else {
            write(request, response, HttpStatus.UNAUTHORIZED, "invalid_credentials", "The username and password were not accepted.",
                    "check them; an administrator can reset a password (PUT /api/v1/users/{username}/password) or enable an account");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".",
                "AGENT may ask for guidance, search, check, give feedback and report problems; EDITOR edits changes; PUBLISHER publishes and reads "
                        + "problem reports; ADMIN manages accounts");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "request_rejected", "The request's path or headers are not accepted.",
                "send a plain path without encoded slashes, '..', ';' or '//', and headers of printable characters");
    }

    void invalidApiKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "invalid_api_key", "The API key is unknown, revoked, or its owner's account is disabled.",
                "ask an administrator for a key (POST /api/v1/api-keys) and send it as 'Authorization: Bearer <key>'");
    }

    void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds(wait)));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                "Too many failed sign-ins for this account or from this address; every attempt is refused for " + retryAfterSeconds(wait) + " more seconds.",
                "wait for the time in the Retry-After header, then sign in with the right password; an administrator can reset it");
    }

    /** Whole seconds, rounded up, so a client that waits that long finds the lock gone. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail, String hint) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        problem.put("hint", hint);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
