package io.ttdesk.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
  @Version
  private Integer version;

  protected AppUser() {}

  public AppUser(String username, String passwordHash, String displayName, String roles, String centres) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.roles = roles;
    this.centres = centres;
    this.enabled = true;
  }

  /** What an administrator may change; the username never changes. */
  public void update(String displayName, String roles, String centres, boolean enabled) {
    this.displayName = displayName;
    this.roles = roles;
    this.centres = centres;
    this.enabled = enabled;
  }

  public void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public String getUsername() { return username; }
  public String getPasswordHash() { return passwordHash; }
  public String getDisplayName() { return displayName; }
  public String getRoles() { return roles; }
  public String getCentres() { return centres; }
  public boolean isEnabled() { return enabled; }
}
