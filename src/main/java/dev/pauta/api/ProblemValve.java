package dev.pauta.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Tomcat's error report for the whole server, as problem+json instead of its HTML page, for requests Spring never sees. */
class ProblemValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = request.getDecodedRequestURIMB() == null ? null : request.getDecodedRequestURI();
        // Tomcat names its reason in the message or, for a request it could not parse, in the exception; neither is echoed
        String reason = response.getMessage() != null ? response.getMessage() : throwable == null ? null : throwable.getMessage();
        byte[] body = json.writeValueAsBytes(ContainerProblems.of(status, reason, path));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was closed; there is nobody left to tell
        }
    }
}
