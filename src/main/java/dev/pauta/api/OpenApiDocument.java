package dev.pauta.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: every endpoint, how to authenticate, and a worked example per request body. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final Map<String, String> EXAMPLES = Map.of(
            "post /api/v1/guidance", """
                    {"locale":"es","channel":"PHONE","intent":"ORDER_DELAYED",
                     "customer":{"id":"C-1042","type":"DEMANDING","tier":"GOLD","specialNeeds":["ELDERLY"]},
                     "order":{"id":"O-77","delayDays":6,"value":120.50,"currency":"EUR"},
                     "interaction":{"waitMinutes":19,"transfers":1,"contactsAboutIssue":2,"sentiment":-0.4,
                                    "text":"Es la segunda vez que llamo y mi pedido sigue sin llegar"},
                     "draft":"Lo siento, eso no nos compete."}""",
            "post /api/v1/check", """
                    {"locale":"en","channel":"EMAIL","text":"Hi Martha,\\nthat's not my department, call back later.\\nKind regards"}""",
            "post /api/v1/decisions/{id}/feedback", """
                    {"action":"DELAY_COUPON","outcome":"ACCEPTED","helpful":true,"comment":"Customer took the coupon"}""",
            "post /api/v1/changes", """
                    {"title":"Gold customers get 18 % from day five"}""",
            "put /api/v1/changes/{id}/documents", """
                    {"content":"---\\nid: faq\\n…","baseRevision":4}""",
            "post /api/v1/changes/{id}/publish", """
                    {"message":"Sales season coupon table"}""",
            "post /api/v1/changes/{id}/impact", """
                    {"from":"2026-11-01T00:00:00Z","to":"2026-11-24T00:00:00Z","sample":1000}""",
            "post /api/v1/users", """
                    {"username":"lucia","password":"a-long-password-1","roles":["AGENT"]}""",
            "post /api/v1/api-keys", """
                    {"name":"crm","roles":["AGENT"]}""");

    static final String GUIDANCE_ANSWER = """
            {"decisionId":"5b0e…","release":3,
             "actions":[{"type":"OFFER","code":"DELAY_COUPON","priority":80,
                         "text":"Como disculpa por el retraso, te regalo un cupón del 15 % para tu próxima compra…",
                         "reason":"El cupón compensa la molestia del retraso según los días y el nivel del cliente.",
                         "rule":"Delay coupon by days late and tier","sections":[{"id":"delay-compensation","title":"Compensación por retrasos"}],
                         "params":{"percent":15}}],
             "avoid":[{"phrase":"eso no nos compete","instead":"Di qué vas a hacer tú…","section":"forbidden-phrases"}],
             "sections":[{"id":"delay-compensation","title":"Compensación por retrasos","kind":"policy","snippet":"…","score":46.9}],
             "violations":[{"start":11,"end":29,"phrase":"eso no nos compete","instead":"…","severity":"ERROR","section":"forbidden-phrases","check":"phrase"}],
             "explanation":{"rulesFired":["Delay coupon by days late and tier"],"notApplied":[],"tookMicros":170}}""";

    @Bean
    OpenApiCustomizer pautaDocument() {
        return api -> {
            api.info(new Info().title("Pauta API").version("v1")
                    .description("Next-best-action guidance from an executable customer-service manual. Errors are application/problem+json "
                            + "with a stable 'code' and a 'hint'."));
            api.components((api.getComponents() == null ? new Components() : api.getComponents())
                    .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                    .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
            api.security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("apiKey")));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String example = EXAMPLES.get(method.name().toLowerCase() + " " + path);
                if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    addExample(operation, example);
                }
                if (path.equals("/api/v1/guidance") && operation.getResponses() != null && operation.getResponses().get("200") != null
                        && operation.getResponses().get("200").getContent() != null) {
                    operation.getResponses().get("200").getContent().forEach((type, media) ->
                            media.addExamples("example", new Example().summary("Guidance for a late order").value(GUIDANCE_ANSWER)));
                }
            }));
        };
    }

    private static void addExample(Operation operation, String json) {
        Content content = operation.getRequestBody().getContent();
        MediaType type = content.get("application/json");
        if (type != null) {
            type.addExamples("example", new Example().summary("A typical request").value(json));
        }
    }

}
