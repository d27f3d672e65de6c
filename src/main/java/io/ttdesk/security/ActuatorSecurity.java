package io.ttdesk.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator endpoints, on the application's port or on the management port: health and info for
 * anyone (details only for admins and the scrape account), Prometheus for admins and the scrape
 * account, everything else for admins. HTTP Basic, whatever sign-in the API uses.
 */
@Configuration
class ActuatorSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http, ObjectMapper json, PasswordCheck passwordCheck, PasswordEncoder encoder,
      @Value("${ttdesk.metrics.username:metrics}") String scrapeUser,
      @Value("${ttdesk.metrics.password:}") String scrapePassword) throws Exception {
    List<AuthenticationProvider> providers = new ArrayList<>();
    if (!scrapePassword.isBlank()) {
      // First, so Prometheus still signs in while the database (and with it the users) is away.
      providers.add(provider(new InMemoryUserDetailsManager(
          User.withUsername(scrapeUser).password(encoder.encode(scrapePassword)).roles("METRICS").build()), encoder));
    }
    providers.add(passwordCheck);
    http
        .securityMatcher(EndpointRequest.toAnyEndpoint())
        .authenticationManager(new ProviderManager(providers))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
            .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class)).hasAnyRole("ADMIN", "METRICS")
            .anyRequest().hasRole("ADMIN"))
        .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> {
          if (e instanceof AuthenticationServiceException) {
            SecurityConfig.write(res, json, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "Try again in a moment.");
            return;
          }
          res.setHeader("WWW-Authenticate", "Basic realm=\"ttdesk\"");
          SecurityConfig.write(res, json, HttpStatus.UNAUTHORIZED, "Sign-in required", "Send HTTP Basic credentials.");
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((req, res, e) ->
            SecurityConfig.write(res, json, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  private static AuthenticationProvider provider(UserDetailsService users, PasswordEncoder encoder) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(encoder);
    return provider;
  }
}
