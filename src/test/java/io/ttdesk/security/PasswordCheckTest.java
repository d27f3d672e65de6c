package io.ttdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class PasswordCheckTest {

  /** Stands in for bcrypt: a salted "hash" per encoding, and a count of the slow checks. */
  private static final class CountingEncoder implements PasswordEncoder {
    final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger salt = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return salt.incrementAndGet() + "$" + raw;
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return encoded.substring(encoded.indexOf('$') + 1).contentEquals(raw);
    }
  }

  private Instant now = Instant.parse("2026-03-02T09:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final CountingEncoder encoder = new CountingEncoder();
  private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
      User.withUsername("ada").password(encoder.encode("first secret")).roles("BROKER").build());

  private PasswordCheck check(Duration memory) {
    return new PasswordCheck(users, encoder, memory, clock);
  }

  private static Authentication signIn(PasswordCheck check, String user, String password) {
    return check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
  }

  @Test
  void aCorrectPasswordIsCheckedSlowlyOnceWithinItsMemory() {
    PasswordCheck check = check(Duration.ofMinutes(5));
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(check, "ada", "first secret").isAuthenticated()).isTrue();
      now = now.plusSeconds(30);
    }
    assertThat(encoder.checks).hasValue(1);

    now = now.plus(Duration.ofMinutes(5));
    signIn(check, "ada", "first secret");
    assertThat(encoder.checks).hasValue(2);
  }

  @Test
  void aWrongPasswordIsAlwaysCheckedSlowlyAndRefused() {
    PasswordCheck check = check(Duration.ofMinutes(5));
    signIn(check, "ada", "first secret");
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> signIn(check, "ada", "first secreT")).isInstanceOf(BadCredentialsException.class);
    }
    assertThat(encoder.checks).hasValue(4);
    assertThatThrownBy(() -> signIn(check, "ada", "")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aResetPasswordEndsTheOldOneAtOnce() {
    PasswordCheck check = check(Duration.ofMinutes(5));
    signIn(check, "ada", "first secret");
    users.updateUser(User.withUsername("ada").password(encoder.encode("second secret")).roles("BROKER").build());

    assertThatThrownBy(() -> signIn(check, "ada", "first secret")).isInstanceOf(BadCredentialsException.class);
    assertThat(signIn(check, "ada", "second secret").isAuthenticated()).isTrue();
    // Even the same password set again is a new hash: checked slowly once more.
    users.updateUser(User.withUsername("ada").password(encoder.encode("first secret")).roles("BROKER").build());
    int before = encoder.checks.get();
    signIn(check, "ada", "first secret");
    assertThat(encoder.checks.get()).isEqualTo(before + 1);
  }

  @Test
  void aDisabledPersonIsRefusedThoughTheirPasswordWasRemembered() {
    PasswordCheck check = check(Duration.ofMinutes(5));
    signIn(check, "ada", "first secret");
    String hash = users.loadUserByUsername("ada").getPassword();
    users.updateUser(User.withUsername("ada").password(hash).roles("BROKER").disabled(true).build());

    assertThatThrownBy(() -> signIn(check, "ada", "first secret"))
        .isInstanceOf(org.springframework.security.authentication.DisabledException.class);
  }

  @Test
  void noMemoryMeansEveryCheckIsSlow() {
    PasswordCheck check = check(Duration.ZERO);
    signIn(check, "ada", "first secret");
    signIn(check, "ada", "first secret");
    assertThat(encoder.checks).hasValue(2);
    assertThat(check.rememberedCount()).isZero();
  }

  @Test
  void theMemoryIsBoundedAndDropsExpiredChecksFirst() {
    PasswordCheck check = check(Duration.ofMinutes(5));
    for (int i = 0; i < PasswordCheck.CAPACITY; i++) {
      users.createUser(User.withUsername("p" + i).password(encoder.encode("pw" + i)).roles("BROKER").build());
      signIn(check, "p" + i, "pw" + i);
    }
    signIn(check, "ada", "first secret");
    assertThat(check.rememberedCount()).isEqualTo(PasswordCheck.CAPACITY);
    int before = encoder.checks.get();
    signIn(check, "ada", "first secret");
    assertThat(encoder.checks.get()).as("full: not remembered").isEqualTo(before + 1);

    now = now.plus(Duration.ofMinutes(6));
    signIn(check, "ada", "first secret");
    assertThat(check.rememberedCount()).isEqualTo(1);
    signIn(check, "ada", "first secret");
    assertThat(encoder.checks.get()).isEqualTo(before + 2);
  }
}
