package io.ttdesk.security;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who works here: users by name, and the members of a candidate group. */
@Service
public class DeskDirectory {

  private final AppUserRepository users;

  DeskDirectory(AppUserRepository users) {
    this.users = users;
  }

  @Transactional(readOnly = true)
  public Optional<DeskUser> find(String username) {
    return users.findById(username).map(DeskUser::of).filter(DeskUser::isEnabled);
  }

  @Transactional(readOnly = true)
  public List<DeskUser> membersOf(String group) {
    return users.findAll().stream().map(DeskUser::of).filter(DeskUser::isEnabled)
        .filter(u -> u.groups().contains(group)).sorted(Comparator.comparing(DeskUser::getUsername)).toList();
  }
}
