package io.ttdesk.casefile.web;

import static io.ttdesk.common.CsvText.cell;

import io.ttdesk.common.NotFoundException;
import io.ttdesk.deal.Centres;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.history.History;
import io.ttdesk.history.HistoryEvent;
import io.ttdesk.history.TrailSigner;
import io.ttdesk.security.DeskUser;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deal's trail for those who may read the deal: its verification, and exports as CSV and as a
 * signed JSON document that an outside party checks with docs/verify/VerifyTrail.java; and the
 * verification of every trail of a centre.
 */
@RestController
@PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
class TrailController {

  private final History history;
  private final DealService deals;
  private final TrailSigner signer;
  private final Clock clock;
  private final Centres centres;

  TrailController(History history, DealService deals, TrailSigner signer, Clock clock, Centres centres) {
    this.history = history;
    this.centres = centres;
    this.deals = deals;
    this.signer = signer;
    this.clock = clock;
  }

  /** An event exactly as it was hashed: every field as the text the hash covers. */
  record TrailEvent(int seq, String dealId, String occurredAt, String actor, String actorKind, String type,
      String summary, String data, String prevHash, String hash, String actorRole) {

    static TrailEvent of(HistoryEvent e) {
      return new TrailEvent(e.getSeq(), e.getDealId(), e.getOccurredAt().toString(), e.getActor(),
          e.getActorKind().name(), e.getType(), e.getSummary(), e.getData(), e.getPrevHash(), e.getHash(),
          e.getActorRole());
    }
  }

  record SignedTrail(String format, String dealId, String reference, List<TrailEvent> events, History.Head head,
      String signedAt, String algorithm, String keyId, String signature) {}

  /** Every trail of a centre checked in one request, for its auditors and managers (and admins). */
  @GetMapping("/api/v1/centres/{code}/trail/verification")
  @PreAuthorize("hasAnyRole('MANAGER','AUDITOR','ADMIN')")
  History.CentreVerification verifyCentre(@PathVariable String code, @AuthenticationPrincipal DeskUser user) {
    // A centre not granted answers as one that does not exist: its code is not disclosed either.
    if (!centres.grantedTo(user).containsKey(code)) {
      throw new NotFoundException("centre", code);
    }
    return history.verifyCentre(code);
  }

  @GetMapping("/api/v1/deals/{id}/trail/verification")
  History.Verification verify(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    return history.verify(deals.visible(id, user).getId());
  }

  /** The trail with the head of its chain signed by the centre's key. */
  // Also under /desk, so the trail page's links download with its signed-in session.
  @GetMapping(path = {"/api/v1/deals/{id}/trail/export", "/desk/deals/{id}/trail/export"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SignedTrail> export(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    Deal deal = deals.visible(id, user);
    History.Head head = history.head(id);
    String signedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String signature = signer.sign(TrailSigner.statement(id, head.seq(), head.hash(), signedAt));
    List<TrailEvent> events = history.of(id).stream().filter(e -> e.getSeq() != null).map(TrailEvent::of).toList();
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"trail-"
            + deal.getReference() + ".json\"")
        .body(new SignedTrail("ttdesk-trail-v1", id, deal.getReference(), events, head, signedAt,
            TrailSigner.ALGORITHM, signer.keyId(), signature));
  }

  @GetMapping(path = {"/api/v1/deals/{id}/trail/export.csv", "/desk/deals/{id}/trail/export.csv"}, produces = "text/csv")
  ResponseEntity<String> csv(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    Deal deal = deals.visible(id, user);
    StringBuilder csv = new StringBuilder("seq,occurredAt,actor,actorKind,actorRole,type,summary,data,prevHash,hash\r\n");
    for (HistoryEvent e : history.of(id)) {
      csv.append(e.getSeq()).append(',').append(e.getOccurredAt()).append(',').append(cell(e.getActor())).append(',')
          .append(e.getActorKind()).append(',')
          .append(e.getActorRole() == null ? "" : cell(e.getActorRole())).append(',').append(e.getType()).append(',').append(cell(e.getSummary()))
          .append(',').append(cell(e.getData())).append(',').append(e.getPrevHash()).append(',').append(e.getHash())
          .append("\r\n");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"trail-" + deal.getReference() + ".csv\"")
        .body(csv.toString());
  }

  /** The public key that checks exported trails, as PEM. */
  @GetMapping(path = {"/api/v1/trail/public-key", "/desk/trail/public-key"}, produces = MediaType.TEXT_PLAIN_VALUE)
  String publicKey() {
    return signer.publicKeyPem();
  }
}
