package io.ttdesk.deal;

import io.ttdesk.common.ConflictException;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import io.ttdesk.security.DeskUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The centres of the network: each deal belongs to one; administrators add them. */
@Service
public class Centres {

  private static final Logger log = LoggerFactory.getLogger(Centres.class);
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final CentreRepository centres;

  Centres(CentreRepository centres) {
    this.centres = centres;
  }

  public record NewCentre(String code, String name, String country, String currency) {}

  @Transactional(readOnly = true)
  public List<Centre> all() {
    return centres.findAll(Sort.by("code"));
  }

  /** The centres a person may see, by code: every one for an administrator, otherwise those granted. */
  @Transactional(readOnly = true)
  public SortedMap<String, Centre> grantedTo(DeskUser user) {
    SortedMap<String, Centre> granted = new TreeMap<>();
    centres.findAll().stream().filter(c -> user.sees(c.getCode())).forEach(c -> granted.put(c.getCode(), c));
    return granted;
  }

  @Transactional(readOnly = true)
  public Centre one(String code) {
    return centres.findById(code).orElseThrow(() -> new io.ttdesk.common.NotFoundException("centre", code));
  }

  @Transactional(readOnly = true)
  public boolean exists(String code) {
    return code != null && centres.existsById(code);
  }

  /** Adds a centre; it splits revenue by the network's default policy until an administrator chooses another. */
  @Transactional
  public Centre create(NewCentre c, String admin) {
    List<FieldProblem> problems = new ArrayList<>();
    if (c.code() == null || !c.code().matches("[A-Z][A-Z0-9]{1,15}")) {
      problems.add(new FieldProblem("code", "must be 2 to 16 capital letters or digits, starting with a letter"));
    }
    if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
      problems.add(new FieldProblem("name", "is required (at most 200 characters)"));
    }
    if (c.country() == null || !COUNTRIES.contains(c.country())) {
      problems.add(new FieldProblem("country", "must be an ISO 3166 two-letter country code"));
    }
    if (!Money.isCurrency(c.currency())) {
      problems.add(new FieldProblem("currency", "is not an ISO 4217 currency"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (centres.existsById(c.code())) {
      throw new ConflictException("code", "a centre " + c.code() + " already exists");
    }
    Centre saved = centres.save(new Centre(c.code(), c.name().strip(), c.country(), c.currency()));
    log.info("Centre {} created by {}", c.code(), admin);
    return saved;
  }
}
