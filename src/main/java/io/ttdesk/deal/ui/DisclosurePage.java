package io.ttdesk.deal.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Disclosure;
import io.ttdesk.security.DeskUser;
import io.ttdesk.web.ui.FormJson;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A new disclosure, with its inventors and their shares, entered on a page; the same rules as the API. */
@Controller
@RequestMapping("/desk/deals/new")
@PreAuthorize("hasAnyRole('BROKER','MANAGER')")
class DisclosurePage {

  static final int INVENTOR_ROWS = 4;
  static final List<String> KINDS = List.of("PAPER", "CONFERENCE_TALK", "EXHIBITION", "THESIS", "WEBSITE",
      "UNAUTHORISED_DISCLOSURE");
  private static final Set<String> LISTS = Set.of("valuation.projectedRevenue", "filingCountries");

  private final DealService deals;
  private final Validator validator;
  private final ObjectMapper json;

  DisclosurePage(DealService deals, Validator validator, ObjectMapper json) {
    this.deals = deals;
    this.validator = validator;
    this.json = json;
  }

  @GetMapping
  String form(@AuthenticationPrincipal DeskUser user, Model model) {
    Map<String, String> values = new HashMap<>();
    values.put("centre", user.centres().stream().sorted().findFirst().orElse(""));
    values.put("technologyReadinessLevel", "4");
    values.put("valuation.currency", "USD");
    values.put("valuation.royaltyRate", "3");
    values.put("valuation.taxRate", "25");
    values.put("valuation.discountRate", "15");
    return page(values, Map.of(), user, model);
  }

  @PostMapping
  String disclose(@RequestParam Map<String, String> form, @AuthenticationPrincipal DeskUser user, Model model,
      HttpServletResponse res) {
    Map<String, String> posted = FormJson.compact(form);
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      Disclosure in = read(posted, errors);
      if (errors.isEmpty()) {
        validator.validate(in).forEach(v -> errors.merge(field(v.getPropertyPath().toString()), v.getMessage(),
            (a, b) -> a + "; " + b));
      }
      if (errors.isEmpty()) {
        Deal deal = deals.disclose(in, user);
        return "redirect:/desk/deals/" + deal.getId();
      }
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> errors.merge(field(p.field()), p.reason(), (a, b) -> a + "; " + b));
    }
    res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return page(posted, errors, user, model);
  }

  private Disclosure read(Map<String, String> posted, Map<String, String> errors) {
    try {
      return json.treeToValue(FormJson.of(posted, LISTS, json), Disclosure.class);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      String path = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
          .reduce("", String::concat).replace(".[", "[");
      errors.put(field(path.startsWith(".") ? path.substring(1) : path), "has a malformed value");
      return null;
    } catch (Exception e) {
      errors.put("title", "the form could not be read");
      return null;
    }
  }

  /** Validation speaks of the record's component; the page of the JSON name it came from. */
  private static String field(String path) {
    String field = path.equals("abstractText") ? "abstract"
        : path.replace(".[", "[").replaceAll("\\[(\\d+)]\\.<list element>", "[$1]");
    // An item of a one-field list is shown on that field.
    String list = field.replaceAll("\\[\\d+]$", "");
    return LISTS.contains(list) ? list : field;
  }

  private String page(Map<String, String> values, Map<String, String> errors, DeskUser user, Model model) {
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("centres", user.centres().stream().sorted().toList());
    model.addAttribute("inventorRows", INVENTOR_ROWS);
    model.addAttribute("kinds", KINDS);
    return "deals/new";
  }
}
