package io.ttdesk.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ServerConfig {

  /**
   * Tomcat would refuse an encoded slash in a path with its own HTML page; passed through, it reaches
   * Spring Security's firewall, which refuses it with a 400 that gets the application's own answer.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashes() {
    return factory -> {
      factory.addConnectorCustomizers(c -> c.setEncodedSolidusHandling("passthrough"));
      // What Tomcat still refuses itself (an encoded NUL) gets a problem document, not its HTML page.
      factory.addContextCustomizers(c -> ((StandardHost) c.getParent())
          .setErrorReportValveClass(ProblemReportValve.class.getName()));
    };
  }
}
