package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pauta.ApiTest;
import dev.pauta.Fixture;
import dev.pauta.Http;
import dev.pauta.client.ApiClient;
import dev.pauta.client.ApiException;
import dev.pauta.client.api.DecisionsApi;
import dev.pauta.client.api.GuidanceApi;
import dev.pauta.client.model.Action;
import dev.pauta.client.model.Customer;
import dev.pauta.client.model.DecisionRecord;
import dev.pauta.client.model.FeedbackRequest;
import dev.pauta.client.model.FeedbackResult;
import dev.pauta.client.model.GuidanceRequest;
import dev.pauta.client.model.GuidanceResponse;
import dev.pauta.client.model.Interaction;
import dev.pauta.client.model.Order;
import dev.pauta.client.model.Problem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An integrator's view: a Java client generated during the build from the committed document (openapi-generator, the
 * native library) decides, sends feedback, reads the decision back and reads a typed problem, with nothing hand-written.
 */
@ApiTest
class GeneratedClientTest {

    @LocalServerPort
    int port;

    private ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", Http.basic("admin", Http.ADMIN_PASSWORD)));
    }

    private GuidanceRequest lateGoldOrder() {
        return new GuidanceRequest().locale("es").channel("PHONE").intent("ORDER_DELAYED")
                .customer(new Customer().id("C-generated").type("DEMANDING").tier("GOLD").specialNeeds(List.of("ELDERLY")))
                .order(new Order().id("O-77").delayDays(6).value(new BigDecimal("120.50")).currency("EUR"))
                .interaction(new Interaction().register(Interaction.RegisterEnum.INFORMAL))
                .draft("Lo siento, eso no nos compete.");
    }

    @Test
    void aGeneratedClientDecidesSendsFeedbackAndReadsTheDecisionBack() throws ApiException {
        GuidanceResponse decision = new GuidanceApi(client).decide(lateGoldOrder());
        Action coupon = decision.getActions().stream().filter(a -> a.getCode().equals("DELAY_COUPON")).findFirst().orElseThrow();
        assertThat(coupon.getType()).isEqualTo(Action.TypeEnum.OFFER);
        assertThat(coupon.getParams()).containsEntry("percent", Fixture.GOLD_COUPON);
        assertThat(decision.getRegister()).as("the caller's system asked for the informal register").isEqualTo("tú");
        assertThat(decision.getRegisterReason()).isNotBlank();
        assertThat(coupon.getSay()).contains("te envío").contains(String.valueOf(Fixture.GOLD_COUPON));
        assertThat(coupon.getText()).isNotEqualTo(coupon.getSay());

        DecisionsApi decisions = new DecisionsApi(client);
        FeedbackResult feedback = decisions.sendFeedback(decision.getDecisionId(),
                new FeedbackRequest().action("DELAY_COUPON").outcome(FeedbackRequest.OutcomeEnum.ACCEPTED).helpful(true).comment("took it"));
        assertThat(feedback.getLedger()).isEqualTo(FeedbackResult.LedgerEnum.RECORDED);

        DecisionRecord record = decisions.getDecision(decision.getDecisionId());
        assertThat(record.getSchemaVersion()).isEqualTo(DecisionRecord.SchemaVersionEnum.NUMBER_3);
        assertThat(record.getSituation().getIntent()).isEqualTo("ORDER_DELAYED");
        assertThat(record.getSituation().getOrder().getDelayDays()).isEqualTo(6);
        assertThat(record.getSituation().getInteraction().getRegister()).isEqualTo(Interaction.RegisterEnum.INFORMAL);
        assertThat(record.getSituation().getCustomer().getId()).as("the log keeps a keyed hash of the customer id").startsWith("hash:");
        assertThat(record.getDecision()).isEqualTo(decision);
        assertThat(record.getFeedback()).singleElement().satisfies(f -> assertThat(f.getComment()).isEqualTo("took it"));
    }

    @Test
    void aGeneratedClientReadsATypedProblemFromA400() throws Exception {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new GuidanceApi(client).decide(lateGoldOrder().channel("FAX")));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("unknown_code");
        assertThat(problem.getField()).isEqualTo("channel");
        assertThat(problem.getKnown()).contains("PHONE", "EMAIL");
        assertThat(problem.getErrors()).singleElement().satisfies(e -> assertThat(e.getField()).isEqualTo("channel"));
        assertThat(problem.getHint()).isNotBlank();
    }
}
