package dev.pauta.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem for a failure the servlet container or the error page saw, told by its status and the container's reason. */
final class ContainerProblems {

    private ContainerProblems() {
    }

    static ProblemDetail of(int statusCode, String reason, String path) {
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String why = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
        ProblemDetail problem = switch (status) {
            case BAD_REQUEST -> badRequest(why);
            case NOT_FOUND -> ApiProblem.of(status, "not_found", "There is nothing at this path.",
                    "see GET /v3/api-docs for the endpoints; paths are case-sensitive and have no trailing slash");
            case METHOD_NOT_ALLOWED -> ApiProblem.of(status, "method_not_allowed", "This path does not take this method.",
                    "see GET /v3/api-docs for the methods each path takes");
            case UNSUPPORTED_MEDIA_TYPE -> ApiProblem.of(status, "unsupported_media_type", "The body's media type is not accepted here.",
                    "send Content-Type: application/json (application/zip for imports)");
            case CONTENT_TOO_LARGE -> ApiProblem.of(status, "body_too_large", "The request body is too large.",
                    "send a shorter body; JSON bodies have their limit in pauta.max-body-size, zip imports 16 MB");
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> headerTooLarge(status);
            case UNAUTHORIZED -> ApiProblem.of(status, "unauthenticated", "This endpoint needs an authenticated caller.",
                    "send HTTP Basic credentials or 'Authorization: Bearer <api key>'");
            case FORBIDDEN -> ApiProblem.of(status, "forbidden", "This request is not allowed.", "check the roles the endpoint needs in GET /v3/api-docs");
            case SERVICE_UNAVAILABLE -> ApiProblem.of(status, "unavailable", "Pauta cannot answer right now.", "retry in a moment");
            case INTERNAL_SERVER_ERROR -> internal();
            default -> ApiProblem.of(status, status.name().toLowerCase(java.util.Locale.ROOT), "The request could not be served (" + status.getReasonPhrase() + ").",
                    "see GET /v3/api-docs for what each endpoint accepts");
        };
        if (path != null) {
            problem.setInstance(java.net.URI.create(safePath(path)));
        }
        return problem;
    }

    static ProblemDetail internal() {
        return ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Pauta could not answer this request.",
                "try again; if it keeps failing, give the operators the time of the request");
    }

    /** Tomcat rejects a request line or headers over its limit with 400 and says so in its reason. */
    private static ProblemDetail badRequest(String why) {
        if (why.contains("too large") || why.contains("too long")) {
            return headerTooLarge(HttpStatus.BAD_REQUEST);
        }
        if (why.contains("parameter")) {
            return invalidParameters();
        }
        if (why.contains("uri") || why.contains("path") || why.contains("url")) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid_path", "The request's path is not accepted.",
                    "send a plain path: no encoded slashes (%2F, %5C), no '//', '..' or ';' segments, and percent-encode only what needs it");
        }
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "bad_request", "The request could not be read as HTTP.",
                "send a well-formed HTTP/1.1 request: printable header names and values, a plain path, a body matching Content-Length");
    }

    static ProblemDetail invalidParameters() {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid_parameters", "The query string or form cannot be read as parameters.",
                "write parameters as name=value pairs joined by '&', each name non-empty, both percent-encoded (UTF-8)");
    }

    private static ProblemDetail headerTooLarge(HttpStatus status) {
        return ApiProblem.of(status, "request_too_large", "The request line or its headers are larger than the server accepts (8 KB together).",
                "keep the URL and headers short: send long text in a POST body, not in the query string or a header");
    }

    /** The path as a relative URI reference, or none when it cannot be one; it is never echoed beyond 200 characters. */
    private static String safePath(String path) {
        String cut = path.length() > 200 ? path.substring(0, 200) : path;
        try {
            return new java.net.URI(null, null, cut, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }
}
