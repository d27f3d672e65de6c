package io.ttdesk.ipcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.PriorDisclosure;
import io.ttdesk.deal.Sponsor;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.security.DeskUser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
  public enum ScreeningResult { CLEAR, REVIEW, LICENCE_REQUIRED, MATCH, PROHIBITED }

  /** What the process needs: the result, and whether the technology is on a restricted list. */
  public record Screening(ScreeningResult result, boolean exportRestricted) {}

  static final double MATCH_SCORE = 0.99;
  static final double REVIEW_SCORE = 0.6;

  private final IpCheckRepository checks;
  private final DeniedPartyRepository deniedParties;
  private final ExportControlItemRepository catalogue;
  private final DealService deals;
  private final History history;
  private final ObjectMapper json;
  private final Clock clock;
  private final Set<String> licenceCountries;

  IpCheckService(IpCheckRepository checks, DeniedPartyRepository deniedParties, ExportControlItemRepository catalogue,
      DealService deals, History history,
      ObjectMapper json, Clock clock,
      @Value("${ttdesk.screening.licence-countries:KP,IR,SY,CU,RU,BY}") Set<String> licenceCountries) {
    this.checks = checks;
    this.deniedParties = deniedParties;
    this.catalogue = catalogue;
    this.deals = deals;
    this.history = history;
    this.json = json;
    this.clock = clock;
    this.licenceCountries = licenceCountries;
  }

  /** What the process needs from the patent check. */
  public record PatentPosition(String position, boolean ownershipClear) {}

  /**
   * Patent position in every filing country: each prior public disclosure against that country's
   * grace period, and the filing deadlines that follow; and ownership: employment inventions
   * belong to the institution, co-owners and sponsors' rights are recorded, and ownership is
   * unclear (a person reviews it) when an inventor is not employed by the owner or a sponsor may
   * take title.
   */
  @Transactional
  public PatentPosition checkPatentPosition(String dealId, Actor actor) {
    Deal deal = deals.lock(dealId);
    deals.enter(dealId, Stage.IP_CHECK, actor);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate filing = deal.getPriorityDate() != null ? deal.getPriorityDate() : today;
    GracePeriods.Novelty worst = GracePeriods.Novelty.INTACT;
    List<Map<String, Object>> countries = new ArrayList<>();
    for (String country : deal.getFilingCountries()) {
      GracePeriods.Novelty countryWorst = GracePeriods.Novelty.INTACT;
      LocalDate fileBy = null;
      List<Map<String, Object>> assessed = new ArrayList<>();
      for (PriorDisclosure p : deal.getPriorDisclosures()) {
        if (!p.disclosedOn().isBefore(filing)) {
          continue;
        }
        GracePeriods.Assessment a = GracePeriods.assess(country, p.kind(), p.disclosedOn(), filing);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("disclosedOn", p.disclosedOn());
        row.put("kind", p.kind());
        row.put("novelty", a.novelty());
        row.put("fileBy", a.fileBy());
        assessed.add(row);
        if (a.novelty().ordinal() > countryWorst.ordinal()) {
          countryWorst = a.novelty();
        }
        if (a.novelty() == GracePeriods.Novelty.FILE_BY_DEADLINE && (fileBy == null || a.fileBy().isBefore(fileBy))) {
          fileBy = a.fileBy();
        }
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("country", country);
      c.put("gracePeriod", GracePeriods.of(country).map(Object::toString).orElse("none"));
      c.put("novelty", countryWorst);
      c.put("fileBy", fileBy);
      c.put("priorDisclosures", assessed);
      countries.add(c);
      if (countryWorst.ordinal() > worst.ordinal()) {
        worst = countryWorst;
      }
    }
    List<String> ownershipIssues = new ArrayList<>();
    deal.getInventors().stream().filter(i -> !i.employedByOwner())
        .forEach(i -> ownershipIssues.add(i.name() + " is not employed by " + deal.getOwnerInstitution()));
    deal.getSponsors().stream().filter(sp -> sp.rights() == Sponsor.Rights.TITLE)
        .forEach(sp -> ownershipIssues.add(sp.name() + " may take title"));
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("filingDate", filing);
    evidence.put("countries", countries);
    evidence.put("owner", deal.getOwnerInstitution());
    evidence.put("coOwners", deal.getCoOwners());
    evidence.put("sponsors", deal.getSponsors());
    evidence.put("ownershipClear", ownershipIssues.isEmpty());
    evidence.put("ownershipIssues", ownershipIssues);
    String result = "NOVELTY_" + worst.name();
    checks.save(new IpCheck(dealId, IpCheck.Kind.PATENT, result, null, null, write(evidence), clock.instant()));
    history.record(dealId, actor, "PATENT_POSITION_CHECKED", "Patent position: " + result
        + (ownershipIssues.isEmpty() ? "" : "; ownership to review"), evidence);
    return new PatentPosition(result, ownershipIssues.isEmpty());
  }

  /**
   * Export-control classification and denied-party screening of every party. The technology is
   * classified against the catalogue of the owner's country (prohibited, restricted or free); the
   * owner and the licensee are compared with every listed name and alias. A list match is never a
   * decision: anything but CLEAR goes to a person. With no party list loaded nothing can be cleared.
   */
  @Transactional
  public Screening screen(String dealId, Actor actor) {
    Deal deal = deals.lock(dealId);
    deals.enter(dealId, Stage.IP_CHECK, actor);
    Map<String, Object> evidence = new LinkedHashMap<>();
    ScreeningResult result = ScreeningResult.CLEAR;

    Map<String, Object> classification = classify(deal);
    evidence.put("classification", classification);
    String category = (String) classification.get("category");
    if ("PROHIBITED".equals(category)) {
      result = ScreeningResult.PROHIBITED;
    } else if ("RESTRICTED".equals(category)) {
      result = ScreeningResult.LICENCE_REQUIRED;
    }

    String version = deniedParties.findFirstByOrderByIdDesc().map(DeniedParty::getListVersion).orElse(null);
    List<DeniedParty> list = version == null ? List.of() : deniedParties.findByListVersion(version);
    Map<String, String> parties = new LinkedHashMap<>();
    parties.put(deal.getOwnerInstitution(), deal.getOwnerCountry());
    if (deal.getLicenseeName() != null) {
      parties.put(deal.getLicenseeName(), deal.getLicenseeCountry());
    }
    deal.getCoOwners().forEach(c -> parties.put(c.name(), c.country()));
    deal.getSponsors().forEach(sp -> parties.putIfAbsent(sp.name(), null));
    if (version == null) {
      result = worse(result, ScreeningResult.REVIEW);
    }
    double best = 0;
    List<Map<String, Object>> hits = new ArrayList<>();
    for (Map.Entry<String, String> party : parties.entrySet()) {
      for (DeniedParty listed : list) {
        for (String listedName : listed.names()) {
          double score = PartyNames.similarity(party.getKey(), listedName);
          if (score >= REVIEW_SCORE) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("party", party.getKey());
            hit.put("listed", listed.getName());
            hit.put("matchedName", listedName);
            hit.put("listedCountry", listed.getCountry());
            hit.put("source", listed.getSource());
            hit.put("score", score);
            hits.add(hit);
            result = worse(result, score >= MATCH_SCORE ? ScreeningResult.MATCH : ScreeningResult.REVIEW);
          }
          best = Math.max(best, score);
        }
      }
    }
    List<String> controlled = new ArrayList<>();
    for (String country : new String[] {deal.getTargetCountry(), deal.getLicenseeCountry()}) {
      if (country != null && licenceCountries.contains(country) && !controlled.contains(country)) {
        controlled.add(country);
        result = worse(result, ScreeningResult.LICENCE_REQUIRED);
      }
    }
    hits.sort(Comparator.comparing(h -> -((Double) h.get("score"))));
    evidence.put("listVersion", version == null ? "none loaded" : version);
    evidence.put("parties", parties);
    evidence.put("hits", hits);
    evidence.put("licenceCountries", controlled);
    // Cleared by a person or not, a listed technology or a controlled destination needs the
    // authority's approval before negotiation and its licence before signature.
    boolean restricted = !"FREE".equals(category) || !controlled.isEmpty();
    evidence.put("exportRestricted", restricted);
    BigDecimal score = BigDecimal.valueOf(best).setScale(4, RoundingMode.HALF_EVEN);
    checks.save(new IpCheck(dealId, IpCheck.Kind.SCREENING, result.name(), version, score, write(evidence),
        clock.instant()));
    history.record(dealId, actor, "SCREENING_DONE", "Screening: " + result, evidence);
    return new Screening(result, restricted);
  }

  /** The first catalogue entry (prohibited before restricted) whose keywords the disclosure contains. */
  private Map<String, Object> classify(Deal deal) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("country", deal.getOwnerCountry());
    String version = catalogue.findFirstByCountryOrderByIdDesc(deal.getOwnerCountry())
        .map(ExportControlItem::getListVersion).orElse(null);
    c.put("catalogueVersion", version == null ? "none for " + deal.getOwnerCountry() : version);
    c.put("category", "FREE");
    if (version == null) {
      return c;
    }
    String text = String.join(" ", deal.getTitle(), deal.getAbstractText(),
        deal.getTechnologyField() == null ? "" : deal.getTechnologyField());
    catalogue.findByCountryAndListVersion(deal.getOwnerCountry(), version).stream()
        .sorted(Comparator.comparing(ExportControlItem::getCategory))
        .filter(item -> !item.matches(text).isEmpty())
        .findFirst()
        .ifPresent(item -> {
          c.put("category", item.getCategory().name());
          c.put("item", item.getCode());
          c.put("title", item.getTitle());
          c.put("matchedKeywords", item.matches(text));
        });
    return c;
  }

  private static ScreeningResult worse(ScreeningResult a, ScreeningResult b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /**
   * Imports a denied-party list version from CSV (header {@code name,country,source,aliases},
   * aliases separated by semicolons): all rows or none. Older versions stay as evidence.
   */
  @Transactional
  public int importDeniedParties(String version, InputStream csv) throws IOException {
    List<String[]> rows = Csv.read(csv, "name,country,source,aliases", 3, (n, c, problems) -> {
      if (c[0].isBlank() || c[0].length() > 300 || c[2].length() > 100 || (c.length > 3 && c[3].length() > 2000)) {
        problems.add(new FieldProblem("line " + n, "needs a name (at most 300 characters), a source of at most 100"
            + " and aliases of at most 2000"));
      }
      if (!c[1].isBlank() && !c[1].matches("[A-Z]{2}")) {
        problems.add(new FieldProblem("line " + n, "has a country that is not an ISO 3166 alpha-2 code"));
      }
    });
    requireVersion(version);
    if (deniedParties.existsByListVersion(version)) {
      throw new ConflictException("version", "list version " + version + " exists; earlier checks cite it as evidence");
    }
    rows.forEach(c -> deniedParties.save(new DeniedParty(version, c[0], c[1].isBlank() ? null : c[1], c[2],
        c.length > 3 && !c[3].isBlank() ? c[3] : null)));
    return rows.size();
  }

  /**
   * Imports a version of export-control catalogues from CSV (header
   * {@code country,code,category,title,keywords}, category PROHIBITED or RESTRICTED, keywords
   * separated by semicolons): all rows or none.
   */
  @Transactional
  public int importCatalogue(String version, InputStream csv) throws IOException {
    List<String[]> rows = Csv.read(csv, "country,code,category,title,keywords", 5, (n, c, problems) -> {
      if (!c[0].matches("[A-Z]{2}")) {
        problems.add(new FieldProblem("line " + n, "has a country that is not an ISO 3166 alpha-2 code"));
      }
      if (!c[2].equals("PROHIBITED") && !c[2].equals("RESTRICTED")) {
        problems.add(new FieldProblem("line " + n, "has a category other than PROHIBITED or RESTRICTED"));
      }
      if (c[1].isBlank() || c[3].isBlank() || c[4].isBlank() || c[1].length() > 32 || c[3].length() > 300
          || c[4].length() > 1000) {
        problems.add(new FieldProblem("line " + n, "needs a code (at most 32 characters), a title (300) and keywords (1000)"));
      }
    });
    requireVersion(version);
    if (catalogue.existsByListVersion(version)) {
      throw new ConflictException("version", "catalogue version " + version + " exists; earlier checks cite it as evidence");
    }
    rows.forEach(c -> catalogue.save(new ExportControlItem(version, c[0], c[1],
        ExportControlItem.Category.valueOf(c[2]), c[3], c[4])));
    return rows.size();
  }

  private static void requireVersion(String version) {
    if (version == null || !version.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new InvalidInputException("version", "must be 1-64 letters, digits, dots, dashes or underscores");
    }
  }

  /** A decision on an export approval or licence, with the authority's reference. */
  @Transactional
  public void recordExportDecision(String dealId, IpCheck.Kind kind, String decision, String reference,
      String comment, DeskUser user) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("decision", decision);
    evidence.put("reference", reference);
    evidence.put("comment", comment);
    evidence.put("decidedBy", user.getUsername());
    checks.save(new IpCheck(dealId, kind, decision, null, null, write(evidence), clock.instant()));
  }

  /** Whether the deal's latest screening classified its technology as restricted for export. */
  @Transactional(readOnly = true)
  public boolean exportRestricted(String dealId) {
    return checks.findByDealIdOrderByIdAsc(dealId).stream()
        .filter(c -> c.getKind() == IpCheck.Kind.SCREENING)
        .reduce((first, second) -> second)
        .map(c -> {
          try {
            return json.readTree(c.getEvidence()).path("exportRestricted").asBoolean(false);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        })
        .orElse(false);
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
