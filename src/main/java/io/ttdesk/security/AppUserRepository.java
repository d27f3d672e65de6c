package io.ttdesk.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, String> {

  /** The enabled users that may be administrators, locked, so two admins cannot demote each other at once. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select u from AppUser u where u.enabled = true and u.roles like '%ADMIN%'")
  List<AppUser> lockEnabledAdmins();
}
