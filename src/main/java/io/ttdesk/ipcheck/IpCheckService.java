package io.ttdesk.ipcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.PriorDisclosure;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class IpCheckService {

  /** Screening results, mildest first. */
  public enum ScreeningResult { CLEAR, REVIEW, LICENCE_REQUIRED, MATCH }

  static final double MATCH_SCORE = 0.99;
  static final double REVIEW_SCORE = 0.6;

  private final IpCheckRepository checks;
  private final DeniedPartyRepository deniedParties;
  private final DealService deals;
  private final History history;
  private final ObjectMapper json;
  private final Clock clock;
  private final Set<String> licenceCountries;

  IpCheckService(IpCheckRepository checks, DeniedPartyRepository deniedParties, DealService deals, History history,
      ObjectMapper json, Clock clock,
      @Value("${ttdesk.screening.licence-countries:KP,IR,SY,CU,RU,BY}") Set<String> licenceCountries) {
    this.checks = checks;
    this.deniedParties = deniedParties;
    this.deals = deals;
    this.history = history;
    this.json = json;
    this.clock = clock;
    this.licenceCountries = licenceCountries;
  }

  /**
   * Patent position in the target country: ownership, each prior public disclosure against that
   * country's grace period, and the filing deadlines that follow.
   */
  @Transactional
  public String checkPatentPosition(String dealId, Actor actor) {
    Deal deal = deals.lock(dealId);
    deals.enter(dealId, Stage.IP_CHECK, actor);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate filing = deal.getPriorityDate() != null ? deal.getPriorityDate() : today;
    GracePeriods.Novelty worst = GracePeriods.Novelty.INTACT;
    LocalDate fileBy = null;
    List<Map<String, Object>> assessed = new ArrayList<>();
    for (PriorDisclosure p : deal.getPriorDisclosures()) {
      if (!p.disclosedOn().isBefore(filing)) {
        continue;
      }
      GracePeriods.Assessment a = GracePeriods.assess(deal.getTargetCountry(), p.disclosedOn(), filing);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("disclosedOn", p.disclosedOn());
      row.put("kind", p.kind());
      row.put("novelty", a.novelty());
      row.put("fileBy", a.fileBy());
      assessed.add(row);
      if (a.novelty().ordinal() > worst.ordinal()) {
        worst = a.novelty();
      }
      if (a.fileBy() != null && a.novelty() == GracePeriods.Novelty.FILE_BY_DEADLINE
          && (fileBy == null || a.fileBy().isBefore(fileBy))) {
        fileBy = a.fileBy();
      }
    }
    boolean institutionOwns = deal.getInventors().stream().allMatch(i -> i.employedByOwner());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("targetCountry", deal.getTargetCountry());
    evidence.put("gracePeriod", GracePeriods.of(deal.getTargetCountry()).map(Object::toString).orElse("none"));
    evidence.put("filingDate", filing);
    evidence.put("priorDisclosures", assessed);
    evidence.put("fileBy", fileBy);
    evidence.put("ownership", institutionOwns ? "INSTITUTION" : "CHECK_ASSIGNMENTS");
    if (deal.getPriorityDate() != null) {
      evidence.put("parisConventionDeadline", deal.getPriorityDate().plusMonths(12));
      evidence.put("pctNationalPhaseDeadline", deal.getPriorityDate().plusMonths(30));
    }
    String result = "NOVELTY_" + worst.name();
    checks.save(new IpCheck(dealId, IpCheck.Kind.PATENT, result, null, null, write(evidence), clock.instant()));
    history.record(dealId, actor, "PATENT_POSITION_CHECKED", "Patent position: " + result, evidence);
    return result;
  }

  /**
   * Export-control and denied-party screening of every party. A list match is never a decision:
   * anything but CLEAR goes to a person. With no list loaded nothing can be cleared.
   */
  @Transactional
  public ScreeningResult screen(String dealId, Actor actor) {
    Deal deal = deals.lock(dealId);
    deals.enter(dealId, Stage.IP_CHECK, actor);
    String version = deniedParties.findFirstByOrderByIdDesc().map(DeniedParty::getListVersion).orElse(null);
    List<DeniedParty> list = version == null ? List.of() : deniedParties.findByListVersion(version);
    Map<String, String> parties = new LinkedHashMap<>();
    parties.put(deal.getOwnerInstitution(), deal.getOwnerCountry());
    if (deal.getLicenseeName() != null) {
      parties.put(deal.getLicenseeName(), deal.getLicenseeCountry());
    }
    ScreeningResult result = version == null ? ScreeningResult.REVIEW : ScreeningResult.CLEAR;
    double best = 0;
    List<Map<String, Object>> hits = new ArrayList<>();
    for (Map.Entry<String, String> party : parties.entrySet()) {
      for (DeniedParty listed : list) {
        double score = PartyNames.similarity(party.getKey(), listed.getName());
        if (score >= REVIEW_SCORE) {
          hits.add(Map.of("party", party.getKey(), "listed", listed.getName(), "source", listed.getSource(),
              "score", score));
          result = worse(result, score >= MATCH_SCORE ? ScreeningResult.MATCH : ScreeningResult.REVIEW);
        }
        best = Math.max(best, score);
      }
    }
    List<String> controlled = new ArrayList<>();
    for (String country : new String[] {deal.getTargetCountry(), deal.getLicenseeCountry()}) {
      if (country != null && licenceCountries.contains(country)) {
        controlled.add(country);
        result = worse(result, ScreeningResult.LICENCE_REQUIRED);
      }
    }
    hits.sort(Comparator.comparing(h -> -((Double) h.get("score"))));
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("listVersion", version == null ? "none loaded" : version);
    evidence.put("parties", parties);
    evidence.put("hits", hits);
    evidence.put("licenceCountries", controlled);
    BigDecimal score = BigDecimal.valueOf(best).setScale(4, RoundingMode.HALF_EVEN);
    checks.save(new IpCheck(dealId, IpCheck.Kind.SCREENING, result.name(), version, score, write(evidence),
        clock.instant()));
    history.record(dealId, actor, "SCREENING_DONE", "Screening: " + result, evidence);
    return result;
  }

  private static ScreeningResult worse(ScreeningResult a, ScreeningResult b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /** Replaces nothing: a new list version is added beside the old ones, which stay as evidence. */
  @Transactional
  public int importDeniedParties(String version, InputStream csv) throws IOException {
    int n = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
      String line = in.readLine();
      while ((line = in.readLine()) != null) {
        String[] cols = line.split(",", -1);
        if (cols.length < 3 || cols[0].isBlank()) {
          continue;
        }
        deniedParties.save(new DeniedParty(version, cols[0].trim(), cols[1].isBlank() ? null : cols[1].trim(),
            cols[2].trim()));
        n++;
      }
    }
    return n;
  }

  @Transactional(readOnly = true)
  public List<IpCheck> of(String dealId) {
    return checks.findByDealIdOrderByIdAsc(dealId);
  }

  private String write(Object evidence) {
    try {
      return json.writeValueAsString(evidence);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
