package dev.pauta.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.LocaleResolver;

/** The pages' language resolution; the rest of the pages are controllers and templates. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Named so, because the dispatcher looks the resolver up by this name. */
    @Bean
    LocaleResolver localeResolver(JdbcClient jdbc, @Value("${pauta.default-locale:es}") String defaultLocale) {
        return new InterfaceLanguage(jdbc, defaultLocale);
    }
}
