package io.ttdesk.security;

import io.ttdesk.history.Actor;
import io.ttdesk.process.DealProcess;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: roles, and the centres whose deals they may see. */
public record DeskUser(String username, String passwordHash, String displayName, Set<Role> roles,
    Set<String> centres, boolean enabled) implements UserDetails {

  static DeskUser of(AppUser u) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    split(u.getRoles()).forEach(r -> roles.add(Role.valueOf(r)));
    return new DeskUser(u.getUsername(), u.getPasswordHash(), u.getDisplayName(), roles,
        new LinkedHashSet<>(split(u.getCentres())), u.isEnabled());
  }

  private static List<String> split(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Admins see every centre; everybody else the centres granted to them. */
  public boolean sees(String centre) {
    return has(Role.ADMIN) || centres.contains(centre);
  }

  /** The task candidate groups this person belongs to. */
  public Set<String> groups() {
    Set<String> groups = new LinkedHashSet<>();
    for (String c : centres) {
      if (has(Role.BROKER)) {
        groups.add(DealProcess.brokersOf(c));
      }
      if (has(Role.MANAGER)) {
        groups.add(DealProcess.managersOf(c));
      }
    }
    return groups;
  }

  public Actor actor() {
    return Actor.user(username, String.join(",", roles.stream().map(Role::name).sorted().toList()));
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).collect(Collectors.toSet());
  }

  @Override
  public String getPassword() { return passwordHash; }

  @Override
  public String getUsername() { return username; }

  @Override
  public boolean isEnabled() { return enabled; }
}
