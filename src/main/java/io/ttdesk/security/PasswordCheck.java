package io.ttdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a person's password against their stored bcrypt hash, and remembers a correct one for a
 * few minutes. HTTP Basic sends the password with every request and bcrypt is slow on purpose
 * (tens of milliseconds of CPU at its default strength), so an API client would otherwise pay it
 * on every call.
 *
 * <p>What is remembered is an HMAC of the password, under a key made at start and kept only in
 * memory, against the stored hash it matched. A wrong password, a password reset (a new hash) and
 * every check after the memory expires go to bcrypt, so guessing is no faster. Unknown users never
 * reach this check. Disabled or removed users are refused before it, since the user is read on
 * every request.
 */
final class PasswordCheck extends DaoAuthenticationProvider {

  /** Enough for every person of a network; beyond it, checks are simply not remembered. */
  static final int CAPACITY = 10_000;

  private record Remembered(byte[] mac, Instant until) {}

  private final PasswordEncoder encoder;
  private final Duration memory;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  PasswordCheck(UserDetailsService users, PasswordEncoder encoder, Duration memory, Clock clock) {
    super(users);
    setPasswordEncoder(encoder);
    this.encoder = encoder;
    this.memory = memory;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
    if (authentication.getCredentials() == null) {
      throw new BadCredentialsException(messages.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials",
          "Bad credentials"));
    }
    String stored = user.getPassword();
    byte[] mac = mac(authentication.getCredentials().toString());
    Instant now = clock.instant();
    Remembered known = remembered.get(stored);
    if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)) {
      return;
    }
    if (!encoder.matches(authentication.getCredentials().toString(), stored)) {
      throw new BadCredentialsException(messages.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials",
          "Bad credentials"));
    }
    remember(stored, new Remembered(mac, now.plus(memory)), now);
  }

  private void remember(String stored, Remembered check, Instant now) {
    if (memory.isZero() || memory.isNegative()) {
      return;
    }
    if (remembered.size() >= CAPACITY) {
      remembered.values().removeIf(r -> !now.isBefore(r.until()));
    }
    if (remembered.size() < CAPACITY || remembered.containsKey(stored)) {
      remembered.put(stored, check);
    }
  }

  int rememberedCount() {
    return remembered.size();
  }

  private byte[] mac(String password) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
