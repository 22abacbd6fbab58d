package nl.veiligwerken.command.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and the rules every endpoint shares, said once at the top of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI().info(new Info()
                .title("Veilig Werken: incidents and their steps")
                .version("1")
                .description("""
                        Reports of aggression and every step that follows them, each held to the protocol \
                        agreements in force when the incident was reported. Sign in with the web session or \
                        HTTP Basic. A step carries `expectedVersion`, the incident's version the person last \
                        saw: when someone else changed the incident since, the answer is 409 ("changed \
                        meanwhile, reload"). Bad input is a 400 problem naming each field with a Dutch message \
                        (English with Accept-Language: en); a step that is not yours is a 403; an unknown \
                        incident a 404. Times without a zone are local time in Europe/Amsterdam."""));
    }
}
