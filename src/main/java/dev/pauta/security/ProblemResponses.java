package dev.pauta.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem+json with a code and a hint, like every other error of the API; no Basic challenge for browsers to cache. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        write(response, 401, "unauthenticated", "This endpoint needs an authenticated caller.",
                "send HTTP Basic credentials (curl -u user:password) or 'Authorization: Bearer <api key>'");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, 403, "forbidden", "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".",
                "AGENT may ask for guidance, search, check and give feedback; EDITOR edits changes; PUBLISHER publishes; ADMIN manages accounts");
    }

    void write(HttpServletResponse response, int status, String code, String detail, String hint) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"code\":\"" + code + "\",\"detail\":\"" + detail.replace("\"", "'") + "\",\"hint\":\"" + hint.replace("\"", "'") + "\"}");
    }
}
