package dev.pauta.api;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The one Problem schema of the document (RFC 9457 plus code, hint, errors and the extension members Pauta sends) and its examples. */
final class ProblemSchemas {

    private ProblemSchemas() {
    }

    static Schema<?> problem() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details with a stable snake_case code and a hint; other members depend on the code.")
                .addProperty("type", new StringSchema().description("A URI reference naming the problem type; absent means about:blank, as for all of Pauta's problems.").example("about:blank"))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase.").example("Bad Request"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)).example(400))
                .addProperty("detail", new StringSchema().description("What went wrong with this request."))
                .addProperty("instance", new StringSchema().description("The path of the request."))
                .addProperty("code", new StringSchema().pattern("^[a-z][a-z0-9_]*$").description("Stable: program against it.").example("invalid_request"))
                .addProperty("hint", new StringSchema().description("What to do about it."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemError"))
                        .description("The fields at fault (invalid_request, malformed_json, unknown_field, unknown_code), or the bundle's problems (invalid_bundle)."))
                .addProperty("field", new StringSchema().description("The field holding an unknown code (unknown_code) or over its size (decision_too_large)."))
                .addProperty("known", new ArraySchema().items(new StringSchema()).description("The codes, ids or fields that would be accepted."))
                .addProperty("paths", new ArraySchema().items(new StringSchema()).description("Documents a newer release touched (release_conflict)."))
                .addProperty("baseRelease", new IntegerSchema().description("The release the change started from (release_conflict)."))
                .addProperty("currentRelease", new IntegerSchema().description("The release now served (release_conflict)."))
                .addProperty("reviewState", new StringSchema().description("The change's review state when it was refused (wrong_state, not_approved)."))
                .addProperty("authors", new ArraySchema().items(new StringSchema())
                        .description("Who counts as an author of the change: they may not approve or publish it (four_eyes)."))
                .addProperty("current", new ObjectSchema().description("The document as it now stands (stale_revision).")
                        .addProperty("path", new StringSchema()).addProperty("revision", new IntegerSchema().format("int64"))
                        .addProperty("content", new StringSchema()))
                .addProperty("action", new StringSchema().description("The offer refused (compensation_cap_reached)."))
                .addProperty("max", new NumberSchema().description("The cap (compensation_cap_reached)."))
                .addProperty("windowDays", new NumberSchema().description("The cap's window in days (compensation_cap_reached)."))
                .addProperty("entries", new ArraySchema().description("The accepted offers that count against the cap (compensation_cap_reached).")
                        .items(new ObjectSchema().addProperty("code", new StringSchema()).addProperty("decisionId", new StringSchema())
                                .addProperty("acceptedAt", new StringSchema().format("date-time"))))
                .addProperty("rule", new StringSchema().description("The policy rule that failed or ran too long (rule_failed, rule_budget_exceeded, rules_did_not_settle)."))
                .addProperty("size", new IntegerSchema().format("int64").description("The size sent, in bytes (decision_too_large)."))
                .addProperty("limit", new IntegerSchema().format("int64").description("The largest size accepted, in bytes (decision_too_large)."))
                .addProperty("currentStatus", new StringSchema().description("What an owner already decided on the problem report (suggestion_closed).")
                        ._enum(List.of("ACCEPTED", "DECLINED")));
        problem.setRequired(List.of("code", "detail", "hint", "status", "title"));
        return problem;
    }

    static Schema<?> error() {
        Schema<?> error = new ObjectSchema()
                .description("A field at fault ({field, message}) or, for invalid_bundle, a problem in a document ({path, line, message, hint}).")
                .addProperty("field", new StringSchema().description("The field's path in the request, such as order.delayDays or roles[0]."))
                .addProperty("message", new StringSchema())
                .addProperty("path", new StringSchema().description("The document's path in the bundle."))
                .addProperty("line", new IntegerSchema().description("1-based; 0 when it concerns the whole document."))
                .addProperty("hint", new StringSchema().nullable(true));
        error.setRequired(List.of("message"));
        return error;
    }

    /** Detail and hint of each code's example: the server's wording, with sample values. */
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("invalid_request", new String[] {"The request has 1 invalid field(s).", "fix the field listed in 'errors'"}),
            Map.entry("malformed_json", new String[] {"Field 'order.delayDays' does not hold a value of the documented type.",
                    "check 'order.delayDays' against the API contract: numbers as numbers, lists in brackets, text in double quotes"}),
            Map.entry("unknown_field", new String[] {"Field 'customer.tierr' is not part of this request.",
                    "remove 'customer.tierr' or correct its spelling; this object takes id, specialNeeds, tier, type"}),
            Map.entry("unknown_code", new String[] {"'FAX' is not a channel the current release defines.", "use one of the codes listed in 'known'"}),
            Map.entry("missing_parameter", new String[] {"Parameter 'path' is required.", "add ?path=… to the request"}),
            Map.entry("invalid_parameters", new String[] {"The query string or form cannot be read as parameters.",
                    "write parameters as name=value pairs joined by '&', each name non-empty, both percent-encoded (UTF-8)"}),
            Map.entry("invalid_path", new String[] {"The request's path is not accepted.", "send a plain path: no encoded slashes (%2F, %5C), no '//', '..' or ';' segments"}),
            Map.entry("request_rejected", new String[] {"The request's path or headers are not accepted.",
                    "send a plain path without encoded slashes, '..', ';' or '//', and headers of printable characters"}),
            Map.entry("request_too_large", new String[] {"The request line or its headers are larger than the server accepts (8 KB together).",
                    "keep the URL and headers short: send long text in a POST body, not in the query string or a header"}),
            Map.entry("unauthenticated", new String[] {"This endpoint needs an authenticated caller.",
                    "send HTTP Basic credentials (curl -u user:password) or 'Authorization: Bearer <api key>'"}),
            Map.entry("invalid_credentials", new String[] {"The username and password were not accepted.", "check them; an administrator can reset a password"}),
            Map.entry("invalid_api_key", new String[] {"The API key is unknown, revoked, or its owner's account is disabled.",
                    "ask an administrator for a key (POST /api/v1/api-keys) and send it as 'Authorization: Bearer <key>'"}),
            Map.entry("forbidden", new String[] {"Your roles do not allow this request.",
                    "AGENT may ask for guidance, search, check, give feedback and report problems; EDITOR edits changes; PUBLISHER publishes and reads "
                            + "problem reports; ADMIN manages accounts"}),
            Map.entry("too_many_attempts", new String[] {"Too many failed sign-ins for this account or from this address; every attempt is refused for 300 more seconds.",
                    "wait for the time in the Retry-After header, then sign in with the right password"}),
            Map.entry("not_found", new String[] {"There is nothing at this path.", "check the id, the release number or the document path"}),
            Map.entry("decision_not_found", new String[] {"No decision '5b0e3c2a'.", "use the decisionId a guidance answer returned"}),
            Map.entry("section_not_found", new String[] {"There is no section 'delay-coupons' in locale 'en'.", "use one of the section ids listed in 'known'"}),
            Map.entry("suggestion_not_found", new String[] {"No problem report 12.", "use an id from GET /api/v1/suggestions"}),
            Map.entry("suggestion_closed", new String[] {"Problem report 12 is already accepted; nothing was changed.",
                    "read the report again with GET /api/v1/suggestions: an owner has already decided on it"}),
            Map.entry("user_not_found", new String[] {"There is no user 'lucia'.", "check the username; POST /api/v1/users creates one"}),
            Map.entry("compensation_cap_reached", new String[] {"DELAY_COUPON would pass the cap of 1 in 30 days; nothing was recorded.",
                    "do not give this offer: the entries listed already count against the cap; apologise and follow up instead"}),
            Map.entry("stale_revision", new String[] {"Revision 4 of manual/en/faq.md is not the latest (5); nothing was saved.",
                    "merge your edit into the current content and send it again with baseRevision 5"}),
            Map.entry("release_conflict", new String[] {"A release published since the change's base touched manual/en/faq.md.",
                    "start a new change from the current release and redo the edits to the listed paths"}),
            Map.entry("change_closed", new String[] {"Change 1 is PUBLISHED.", "create a new change"}),
            Map.entry("wrong_state", new String[] {"Change 1 is OPEN; only a change IN_REVIEW can be approved; nothing was changed.",
                    "an editor asks for review first (POST /api/v1/changes/1/review-request)"}),
            Map.entry("not_approved", new String[] {"Change 1 is IN_REVIEW, not APPROVED, and four-eyes review requires an approval before publishing; "
                    + "nothing was published.", "a publisher who did not author the change approves it, then it can be published"}),
            Map.entry("four_eyes", new String[] {"'lucia' authored change 1 and may not publish it: four-eyes review needs someone else; nothing was changed.",
                    "ask a publisher who is not listed in 'authors' to do it"}),
            Map.entry("account_conflict", new String[] {"User 'lucia' already exists.", "choose another name, or list the keys with GET /api/v1/api-keys"}),
            Map.entry("cannot_disable_self", new String[] {"'admin' cannot disable their own account.", "ask another administrator to disable it"}),
            Map.entry("wrong_current_password", new String[] {"The current password is not right; the password was not changed.",
                    "send the password you sign in with now as currentPassword"}),
            Map.entry("body_too_large", new String[] {"The request body is larger than 262144 bytes.", "send a shorter text"}),
            Map.entry("decision_too_large", new String[] {"The draft is 2000000 bytes; no decision was given or logged.", "send a shorter draft"}),
            Map.entry("unsupported_media_type", new String[] {"This endpoint does not read text/plain.", "send Content-Type: application/json"}),
            Map.entry("invalid_bundle", new String[] {"The change does not validate: 1 problem(s); the current release keeps serving.",
                    "fix the documents listed in 'errors' (path, line, message, hint) and publish again"}),
            Map.entry("decision_log_unavailable", new String[] {"The decision could not be recorded, so none is given: the log writer is behind.",
                    "retry in a moment; the service is under load"}),
            Map.entry("reason_not_allowed", new String[] {"A reason goes only with outcome REJECTED, not with ACCEPTED; nothing was recorded.",
                    "leave reason out, or send outcome REJECTED: only a rejected action has a reason"}),
            Map.entry("ledger_busy", new String[] {"The ledger is busy; nothing was recorded.", "send the same feedback again"}),
            Map.entry("rules_did_not_settle", new String[] {"The policy rules did not settle for this situation.", "tell the policy owners"}),
            Map.entry("rule_failed", new String[] {"A policy rule failed for this situation: rule 'Waits per word' divided by zero.",
                    "check the values sent for zeros or missing fields; if they are right, tell the policy owners that the rule named fails on them"}),
            Map.entry("rule_budget_exceeded", new String[] {"The policy rules took too long for this situation: rule 'Escalate on repeat contacts' was being matched.",
                    "retry in a moment; if it keeps happening for this situation, tell the policy owners that the rule named is too slow"}));

    static Map<String, Object> example(HttpStatus status, String code, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        String[] words = WORDS.getOrDefault(code, new String[] {"The request was refused (" + code + ").", "read 'detail' and change what it names"});
        example.put("detail", words[0]);
        example.put("instance", path.replaceAll("\\{[^}]+}", "1"));
        example.put("code", code);
        example.put("hint", words[1]);
        switch (code) {
            case "invalid_request" -> example.put("errors", List.of(Map.of("field", "intent", "message", "must not be null")));
            case "malformed_json" -> example.put("errors", List.of(Map.of("field", "order.delayDays", "message", "has a value of the wrong type")));
            case "unknown_field" -> {
                example.put("errors", List.of(Map.of("field", "customer.tierr", "message", "is not a documented field")));
                example.put("known", List.of("id", "specialNeeds", "tier", "type"));
            }
            case "invalid_bundle" -> example.put("errors", List.of(Map.of("path", "rules/compensation.drl", "line", 12,
                    "message", "rule cites section 'delay-coupons', which does not exist", "hint", "cite one of the section ids of the manual")));
            case "stale_revision" -> example.put("current", Map.of("path", "manual/en/faq.md", "revision", 5, "content", "---\nid: faq\n…"));
            case "release_conflict" -> {
                example.put("paths", List.of("manual/en/faq.md"));
                example.put("baseRelease", 3);
                example.put("currentRelease", 4);
            }
            case "wrong_state" -> example.put("reviewState", "OPEN");
            case "not_approved" -> example.put("reviewState", "IN_REVIEW");
            case "four_eyes" -> example.put("authors", List.of("lucia"));
            case "compensation_cap_reached" -> {
                example.put("action", "DELAY_COUPON");
                example.put("max", 1);
                example.put("windowDays", 30);
                example.put("entries", List.of(Map.of("code", "DELAY_COUPON", "decisionId", "5b0e3c2a-8f7d-4c1e-9a51-0d2b7e6f4a10",
                        "acceptedAt", "2026-11-20T09:12:00Z")));
            }
            case "reason_not_allowed" -> example.put("errors", List.of(Map.of("field", "reason", "message",
                    "a reason goes only with outcome REJECTED, not with ACCEPTED")));
            case "rule_failed" -> example.put("rule", "Waits per word");
            case "suggestion_closed" -> example.put("currentStatus", "ACCEPTED");
            case "rule_budget_exceeded" -> example.put("rule", "Escalate on repeat contacts");
            default -> {
            }
        }
        if (code.equals("unknown_code")) {
            example.put("field", "channel");
            example.put("known", List.of("CHAT", "EMAIL", "PHONE", "SOCIAL", "STORE", "WEB"));
            example.put("errors", List.of(Map.of("field", "channel", "message", "unknown code 'FAX'")));
        }
        return example;
    }
}
