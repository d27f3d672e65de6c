package io.ttdesk.local;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the API for a typical deal, shared by the integration tests and the benchmark. */
public final class RequestBodies {

  private RequestBodies() {}

  /** A disclosure of a perovskite solar cell with two inventors, a prior paper and a revenue projection. */
  public static Map<String, Object> disclosure(String centre, String ownerCountry, String targetCountry, String licensee) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", "Perovskite tandem solar cell");
    d.put("abstract", "A tandem cell with 31% efficiency.");
    d.put("centre", centre);
    d.put("ownerInstitution", "Fudan University");
    d.put("ownerCountry", ownerCountry);
    d.put("targetCountry", targetCountry);
    d.put("technologyReadinessLevel", 5);
    d.put("technologyField", "Energy");
    if (licensee != null) {
      d.put("licensee", Map.of("name", licensee, "country", targetCountry));
    }
    d.put("inventors", List.of(
        Map.of("name", "Chen Jie", "share", 60, "department", "Physics"),
        Map.of("name", "Maria Rossi", "share", 40, "department", "Physics")));
    d.put("priorDisclosures", List.of(Map.of("date", LocalDate.now().minusMonths(3).toString(), "kind", "PAPER")));
    d.put("valuation", Map.of("currency", "USD", "projectedRevenue", List.of(500000, 1000000, 1500000),
        "royaltyRate", 3, "taxRate", 25, "discountRate", 15));
    d.put("patentCosts", 12000);
    return d;
  }

  /** A one-year licence at 3% with a 5,000.00 minimum and 10% of sublicence income, reported quarterly. */
  public static Map<String, Object> termSheet(int upfront, String milestoneDue) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("dealForm", "NON_EXCLUSIVE_LICENCE");
    t.put("currency", "USD");
    t.put("upfrontFee", upfront);
    t.put("royaltyRate", 3);
    t.put("minimumAnnualRoyalty", 5000);
    t.put("sublicenceShare", 10);
    t.put("fieldOfUse", "Photovoltaics");
    t.put("territory", "Worldwide");
    t.put("termYears", 1);
    t.put("reportingPeriod", "QUARTERLY");
    t.put("milestones", List.of(Map.of("name", "First commercial sale", "amount", "25000.00", "dueDate", milestoneDue)));
    return t;
  }
}
