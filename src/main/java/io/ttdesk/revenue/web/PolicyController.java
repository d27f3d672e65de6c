package io.ttdesk.revenue.web;

import io.ttdesk.revenue.Policies;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PolicyController {

  private final Policies policies;

  PolicyController(Policies policies) {
    this.policies = policies;
  }

  record PolicyChoice(@NotBlank String policy) {}

  @GetMapping("/api/v1/policies")
  List<Policies.PolicyView> all() {
    return policies.all();
  }

  @PostMapping("/api/v1/policies")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<Policies.PolicyView> define(@RequestBody Policies.PolicySpec spec) {
    Policies.PolicyView v = policies.define(spec);
    return ResponseEntity.created(URI.create("/api/v1/policies")).body(v);
  }

  @PutMapping("/api/v1/centres/{code}/policy")
  @PreAuthorize("hasRole('ADMIN')")
  Map<String, String> apply(@PathVariable String code, @jakarta.validation.Valid @RequestBody PolicyChoice choice) {
    return Map.of("centre", code, "policy", policies.apply(code, choice.policy()).getRevenuePolicy());
  }
}
