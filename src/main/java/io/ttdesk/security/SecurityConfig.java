package io.ttdesk.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

@Configuration
@EnableMethodSecurity
class SecurityConfig {

  /** The token claim that names the user, for both chains that take bearer tokens. */
  private static final String USERNAME_CLAIM = "${ttdesk.security.oidc.username-claim:preferred_username}";

  /**
   * The REST API and the single-page client: stateless, with HTTP Basic, or with
   * OAuth2/OIDC bearer tokens when an issuer is configured.
   */
  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
      UserDetailsService users, @Value(USERNAME_CLAIM) String usernameClaim)
      throws Exception {
    http
        .securityMatcher("/api/**", "/", "/index.html", "/app.js", "/app.css", "/favicon.ico")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/", "/index.html", "/app.js", "/app.css", "/favicon.ico").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
            .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
            // Who may change what, decided here before any body is read, so a wrong role always gets
            // 403 (the controllers check again): the auditor changes nothing, administrators manage
            // the network's users, centres, policies and lists, brokers and managers work the deals.
            .requestMatchers("/api/v1/users/**", "/api/v1/centres/**", "/api/v1/policies/**",
                "/api/v1/screening-lists/**", "/api/v1/exchange-rates/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/incidents/**").hasAnyRole("MANAGER", "ADMIN")
            .requestMatchers("/api/v1/tasks/*/assignment").hasRole("MANAGER")
            .requestMatchers("/api/v1/deals/**", "/api/v1/tasks/**").hasAnyRole("BROKER", "MANAGER")
            .requestMatchers("/api/**").denyAll()
            .anyRequest().authenticated())
        .exceptionHandling(ex -> ex.accessDeniedHandler((req, res, e) ->
            write(res, json, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.")))
        // Answers are data, never pages to frame or scripts to run from elsewhere.
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'")).frameOptions(f -> f.deny()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless: no session cookie, so no cross-site request to forge.
        .csrf(csrf -> csrf.disable());
    signIn(http, json, jwtDecoder, users, usernameClaim);
    return http.build();
  }

  /**
   * The REST API's description and Swagger UI, for any signed-in user: in a browser with the
   * workspace's session (else to the sign-in page), otherwise as the API signs in.
   */
  @Bean
  @Order(2)
  SecurityFilterChain docs(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
      UserDetailsService users, @Value(USERNAME_CLAIM) String usernameClaim)
      throws Exception {
    http
        .securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
        .addFilterBefore(new FreshUser(users), AuthorizationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            browser()))
        // Swagger UI's own scripts and styles only; its styles set inline attributes and its icons are data: URLs.
        .headers(h -> h
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
            .frameOptions(f -> f.deny()))
        // Only reads here: nothing for a forged cross-site request to change.
        .csrf(csrf -> csrf.disable());
    signIn(http, json, jwtDecoder, users, usernameClaim);
    return http.build();
  }

  /** A request that asks for HTML by name (a browser), not one that takes anything. */
  private static MediaTypeRequestMatcher browser() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    return html;
  }

  /** HTTP Basic, or with an identity provider configured, its bearer tokens only. */
  private static void signIn(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
      UserDetailsService users, String usernameClaim) throws Exception {
    JwtDecoder jwt = jwtDecoder.getIfAvailable();
    if (jwt != null) {
      // An identity provider is configured (Keycloak, Camunda Identity): bearer tokens only. The token
      // says who the caller is; their roles and centres are the application's, from its user table.
      http.oauth2ResourceServer(rs -> rs
          .jwt(j -> j.decoder(jwt).jwtAuthenticationConverter(token -> fromToken(token, users, usernameClaim)))
          .authenticationEntryPoint((req, res, e) -> {
            if (e instanceof AuthenticationServiceException) {
              write(res, json, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "Try again in a moment.");
              return;
            }
            res.setHeader("WWW-Authenticate", "Bearer");
            write(res, json, HttpStatus.UNAUTHORIZED, "Sign-in required", "Send a valid bearer token.");
          }));
    } else {
      http.httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> {
        if (e instanceof AuthenticationServiceException) {
          // The users could not be read (the database is away): not the caller's fault.
          write(res, json, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "Try again in a moment.");
          return;
        }
        // No WWW-Authenticate challenge for the page's own calls, so the browser shows no pop-up.
        if (!"fetch".equals(req.getHeader("X-Requested-With"))) {
          res.setHeader("WWW-Authenticate", "Basic realm=\"ttdesk\"");
        }
        write(res, json, HttpStatus.UNAUTHORIZED, "Sign-in required", "Send HTTP Basic credentials.");
      }));
    }
  }

  /** The person a bearer token names, as the application knows them; unknown or disabled people are refused. */
  private static AbstractAuthenticationToken fromToken(Jwt token, UserDetailsService users, String claim) {
    String username = token.getClaimAsString(claim);
    if (username == null || username.isBlank()) {
      throw new InvalidBearerTokenException("The token has no " + claim + " claim.");
    }
    DeskUser user;
    try {
      user = (DeskUser) users.loadUserByUsername(username);
    } catch (UsernameNotFoundException e) {
      throw new InvalidBearerTokenException("The token names no user of this application.");
    } catch (DataAccessException | TransactionException e) {
      throw new AuthenticationServiceException("The users cannot be read.", e);
    }
    if (!user.isEnabled()) {
      throw new InvalidBearerTokenException("The token names a disabled user.");
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, token, user.getAuthorities());
  }

  /**
   * The broker's workspace: server-rendered pages with a sign-in form, a session and CSRF tokens
   * on every form and htmx request.
   */
  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, UserDetailsService users) throws Exception {
    http
        .addFilterBefore(new FreshUser(users), AuthorizationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/ui/**", "/error").permitAll()
            .requestMatchers(HttpMethod.POST, "/desk/incidents/**").hasAnyRole("MANAGER", "ADMIN")
            .requestMatchers(HttpMethod.POST, "/desk/tasks/*/assignment").hasRole("MANAGER")
            .requestMatchers(HttpMethod.POST, "/desk/**").hasAnyRole("BROKER", "MANAGER")
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/desk", true).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?out"))
        .headers(h -> h
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
            .frameOptions(f -> f.deny()));
    return http.build();
  }

  static void write(HttpServletResponse res, ObjectMapper json, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("https://ttdesk.io/problems/" + switch (status) {
      case UNAUTHORIZED -> "unauthorized";
      case FORBIDDEN -> "forbidden";
      default -> "unavailable";
    }));
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(res.getOutputStream(), p);
  }

  /** A URL the firewall refuses (an encoded slash, a semicolon, ...) is a 400 like any other bad request. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /** Every sign-in with a password: the API's HTTP Basic, the pages' form and the actuator's Basic. */
  @Bean
  PasswordCheck passwordCheck(UserDetailsService users, PasswordEncoder encoder,
      @Value("${ttdesk.security.password-memory:PT5M}") Duration memory, Clock clock) {
    return new PasswordCheck(users, encoder, memory, clock);
  }

  @Bean
  UserDetailsService users(AppUserRepository users) {
    return username -> users.findById(username).map(DeskUser::of)
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }
}
