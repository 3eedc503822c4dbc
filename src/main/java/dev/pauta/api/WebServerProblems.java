package dev.pauta.api;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link ProblemValve} where Tomcat's HTML error report valve would be, so container-level refusals are problem+json too. */
@Configuration(proxyBeanMethods = false)
class WebServerProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemValve(JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            // the host adds its report valve on start unless one of the named class is already in its pipeline
            host.setErrorReportValveClass(ProblemValve.class.getName());
            host.getPipeline().addValve(new ProblemValve(json));
        });
    }
}
