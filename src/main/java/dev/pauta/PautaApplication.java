package dev.pauta;

import dev.pauta.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service, or runs a command-line check when the first argument names one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PautaApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(PautaApplication.class, args);
    }
}
