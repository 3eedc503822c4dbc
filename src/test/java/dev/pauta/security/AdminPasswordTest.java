package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import dev.pauta.PautaApplication;
import dev.pauta.TestBundles;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PautaApplication.class).run("--server.port=0", "--pauta.data-dir=" + data,
                "--pauta.bundle-dir=" + TestBundles.fixture(), "--pauta.security.bcrypt-strength=4");
    }

    @Test
    void withoutPautaAdminPasswordOneIsGeneratedAndPrintedOnlyOnTheFirstStart(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher printed = Pattern.compile("generated password (\\S+) ").matcher(output.getOut());
            assertThat(printed.find()).as("the first start prints the generated password").isTrue();
            password = printed.group(1);
            int port = ((WebServerApplicationContext) first).getWebServer().getPort();
            assertThat(new Http(port).as(Http.basic("admin", password)).get("/api/v1/audit").status()).isEqualTo(200);
        }
        int printedBefore = output.getOut().split("generated password", -1).length - 1;

        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getOut().split("generated password", -1).length - 1).as("not printed again").isEqualTo(printedBefore);
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(new Http(port).as(Http.basic("admin", password)).get("/api/v1/audit").status()).isEqualTo(200);
        }
    }
}
