package io.ttdesk.admin;

import io.ttdesk.deal.Centre;
import io.ttdesk.deal.Centres;
import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Users;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users and centres: only administrators manage them. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

  private final Users users;
  private final Centres centres;

  AdminController(Users users, Centres centres) {
    this.users = users;
    this.centres = centres;
  }

  record CentreView(String code, String name, String country, String currency, String revenuePolicy) {

    static CentreView of(Centre c) {
      return new CentreView(c.getCode(), c.getName(), c.getCountry(), c.getCurrency(), c.getRevenuePolicy());
    }
  }

  record Password(String password) {}

  @GetMapping("/api/v1/users")
  List<Users.UserView> users() {
    return users.all();
  }

  @GetMapping("/api/v1/users/{username}")
  Users.UserView user(@PathVariable String username) {
    return users.one(username);
  }

  @PostMapping("/api/v1/users")
  ResponseEntity<Users.UserView> create(@RequestBody Users.NewUser user, @AuthenticationPrincipal DeskUser admin) {
    Users.UserView created = users.create(user, centres::exists, admin);
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
  }

  @PutMapping("/api/v1/users/{username}")
  Users.UserView change(@PathVariable String username, @RequestBody Users.UserChange change,
      @AuthenticationPrincipal DeskUser admin) {
    return users.change(username, change, centres::exists, admin);
  }

  @PutMapping("/api/v1/users/{username}/password")
  ResponseEntity<Void> password(@PathVariable String username, @RequestBody Password password,
      @AuthenticationPrincipal DeskUser admin) {
    users.changePassword(username, password.password(), admin);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/centres")
  List<CentreView> centres() {
    return centres.all().stream().map(CentreView::of).toList();
  }

  @GetMapping("/api/v1/centres/{code}")
  CentreView centre(@PathVariable String code) {
    return CentreView.of(centres.one(code));
  }

  @PostMapping("/api/v1/centres")
  ResponseEntity<CentreView> create(@RequestBody Centres.NewCentre centre, @AuthenticationPrincipal DeskUser admin) {
    CentreView created = CentreView.of(centres.create(centre, admin.username()));
    return ResponseEntity.created(URI.create("/api/v1/centres/" + created.code())).body(created);
  }
}
