package io.ttdesk.ipcheck.web;

import io.ttdesk.ipcheck.IpCheckService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** New versions of the lists screening uses; older versions stay, as the evidence of earlier checks. */
@RestController
@RequestMapping("/api/v1/screening-lists")
@PreAuthorize("hasRole('ADMIN')")
class ScreeningListController {

  private final IpCheckService checks;

  ScreeningListController(IpCheckService checks) {
    this.checks = checks;
  }

  /** CSV with the header name,country,source,aliases (aliases separated by semicolons). */
  @PostMapping(path = "/denied-parties", consumes = "text/csv")
  Map<String, Object> deniedParties(@RequestParam String version, @RequestBody byte[] csv) throws IOException {
    return Map.of("version", version, "added", checks.importDeniedParties(version, new ByteArrayInputStream(csv)));
  }

  /** CSV with the header country,code,category,title,keywords (keywords separated by semicolons). */
  @PostMapping(path = "/export-catalogue", consumes = "text/csv")
  Map<String, Object> catalogue(@RequestParam String version, @RequestBody byte[] csv) throws IOException {
    return Map.of("version", version, "added", checks.importCatalogue(version, new ByteArrayInputStream(csv)));
  }
}
