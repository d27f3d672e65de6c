package io.ttdesk.security;

import io.ttdesk.common.ConflictException;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.NotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's user management: who exists, their roles and centres, and their passwords (bcrypt). */
@Service("userAdministration")
public class Users {

  private static final Logger log = LoggerFactory.getLogger(Users.class);
  static final int MIN_PASSWORD = 12;

  private final AppUserRepository users;
  private final PasswordEncoder passwords;

  Users(AppUserRepository users, PasswordEncoder passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  public record UserView(String username, String displayName, Set<Role> roles, Set<String> centres, boolean enabled) {

    static UserView of(AppUser u) {
      DeskUser d = DeskUser.of(u);
      return new UserView(u.getUsername(), u.getDisplayName(), d.roles(), d.centres(), u.isEnabled());
    }
  }

  public record NewUser(String username, String displayName, String password, List<String> roles,
      List<String> centres) {}

  public record UserChange(String displayName, List<String> roles, List<String> centres, Boolean enabled) {}

  @Transactional(readOnly = true)
  public List<UserView> all() {
    return users.findAll(org.springframework.data.domain.Sort.by("username")).stream().map(UserView::of).toList();
  }

  @Transactional(readOnly = true)
  public UserView one(String username) {
    return users.findById(username).map(UserView::of).orElseThrow(() -> new NotFoundException("user", username));
  }

  /** Creates a user; the centres must exist (the caller passes the check), and only an admin may have none. */
  @Transactional
  public UserView create(NewUser u, Predicate<String> centreExists, DeskUser admin) {
    List<FieldProblem> problems = new ArrayList<>();
    if (u.username() == null || !u.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
      problems.add(new FieldProblem("username", "must be 2 to 64 lower-case letters, digits, dots, dashes or underscores"));
    }
    checkPassword(u.password(), problems);
    Set<Role> roles = roles(u.roles(), problems);
    Set<String> centres = centres(u.centres(), roles, centreExists, problems);
    String name = name(u.displayName(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (users.existsById(u.username())) {
      throw new ConflictException("username", "a user " + u.username() + " already exists");
    }
    AppUser saved = users.save(new AppUser(u.username(), passwords.encode(u.password()), name, join(roles),
        String.join(",", centres)));
    log.info("User {} created by {} with roles {} for centres {}", u.username(), admin.username(), roles, centres);
    return UserView.of(saved);
  }

  @Transactional
  public UserView change(String username, UserChange c, Predicate<String> centreExists, DeskUser admin) {
    AppUser user = users.findById(username).orElseThrow(() -> new NotFoundException("user", username));
    List<FieldProblem> problems = new ArrayList<>();
    Set<Role> roles = roles(c.roles(), problems);
    Set<String> centres = centres(c.centres(), roles, centreExists, problems);
    String name = name(c.displayName(), problems);
    // Left out, the account stays as it is: an edit never turns a disabled account back on.
    boolean enabled = c.enabled() == null ? user.isEnabled() : c.enabled();
    boolean staysAdmin = enabled && roles.contains(Role.ADMIN);
    // The stored name, not the one in the address: usernames compare without regard to case.
    if (user.getUsername().equals(admin.username()) && !staysAdmin) {
      problems.add(new FieldProblem(enabled ? "roles" : "enabled",
          "an administrator cannot take away their own access"));
    } else if (!staysAdmin && DeskUser.of(user).has(Role.ADMIN) && user.isEnabled()
        && users.lockEnabledAdmins().stream().filter(u -> DeskUser.of(u).has(Role.ADMIN)).count() <= 1) {
      problems.add(new FieldProblem("roles", "the last enabled administrator must stay one"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    user.update(name, join(roles), String.join(",", centres), enabled);
    log.info("User {} changed by {}: roles {}, centres {}, enabled {}", username, admin.username(), roles, centres,
        enabled);
    return UserView.of(user);
  }

  @Transactional
  public void changePassword(String username, String password, DeskUser admin) {
    AppUser user = users.findById(username).orElseThrow(() -> new NotFoundException("user", username));
    List<FieldProblem> problems = new ArrayList<>();
    checkPassword(password, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    user.changePassword(passwords.encode(password));
    log.info("Password of {} set by {}", username, admin.username());
  }

  private static void checkPassword(String password, List<FieldProblem> problems) {
    // bcrypt reads at most 72 bytes; a longer password would be cut without anyone knowing.
    if (password == null || password.length() < MIN_PASSWORD
        || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      problems.add(new FieldProblem("password", "must have at least " + MIN_PASSWORD + " characters and at most 72 bytes"));
    }
  }

  private static Set<Role> roles(List<String> given, List<FieldProblem> problems) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (given == null || given.isEmpty()) {
      problems.add(new FieldProblem("roles", "must name at least one of BROKER, MANAGER, AUDITOR, ADMIN"));
      return roles;
    }
    for (String r : given) {
      try {
        roles.add(Role.valueOf(r));
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(new FieldProblem("roles", "must be BROKER, MANAGER, AUDITOR or ADMIN, not " + r));
      }
    }
    return roles;
  }

  private static Set<String> centres(List<String> given, Set<Role> roles, Predicate<String> exists,
      List<FieldProblem> problems) {
    Set<String> centres = new LinkedHashSet<>();
    for (String c : given == null ? List.<String>of() : given) {
      if (c == null || !exists.test(c)) {
        problems.add(new FieldProblem("centres", "has no centre " + c));
      } else {
        centres.add(c);
      }
    }
    if (centres.isEmpty() && !roles.equals(EnumSet.of(Role.ADMIN)) && !roles.isEmpty()) {
      problems.add(new FieldProblem("centres", "must name at least one centre for a broker, manager or auditor"));
    }
    return centres;
  }

  private static String name(String displayName, List<FieldProblem> problems) {
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      problems.add(new FieldProblem("displayName", "is required (at most 200 characters)"));
      return null;
    }
    return displayName.strip();
  }

  private static String join(Set<Role> roles) {
    return String.join(",", roles.stream().map(Role::name).toList());
  }
}
