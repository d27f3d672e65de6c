package io.ttdesk.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
public class AppUser {

  @Id
  private String username;
  private String passwordHash;
  private String displayName;
  /** Comma-separated {@link Role} names. */
  private String roles;
  /** Comma-separated centre codes. */
  private String centres;
  private boolean enabled;

  protected AppUser() {}

  public AppUser(String username, String passwordHash, String displayName, String roles, String centres) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.roles = roles;
    this.centres = centres;
    this.enabled = true;
  }

  public String getUsername() { return username; }
  public String getPasswordHash() { return passwordHash; }
  public String getDisplayName() { return displayName; }
  public String getRoles() { return roles; }
  public String getCentres() { return centres; }
  public boolean isEnabled() { return enabled; }
}
