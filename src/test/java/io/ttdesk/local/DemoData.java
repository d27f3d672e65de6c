package io.ttdesk.local;

import io.ttdesk.deal.Centre;
import io.ttdesk.deal.CentreRepository;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Disclosure;
import io.ttdesk.deal.Sponsor;
import io.ttdesk.fx.ExchangeRates;
import io.ttdesk.ipcheck.DocketService;
import io.ttdesk.ipcheck.IpCheckService;
import io.ttdesk.security.AppUser;
import io.ttdesk.security.AppUserRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo centres, users, a denied-party list, an export-control catalogue and exchange rates for the
 * local run and the tests; with
 * {@code ttdesk.demo.deals=true} also a few deals. Lives in test sources: production has none of it.
 */
@Component
public class DemoData implements ApplicationRunner {

  public static final String PASSWORD = "demo";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final CentreRepository centres;
  private final AppUserRepository users;
  private final IpCheckService ipChecks;
  private final DocketService docket;
  private final ExchangeRates exchangeRates;
  private final DealService deals;
  private final UserDetailsService userDetails;
  private final boolean withDeals;

  DemoData(CentreRepository centres, AppUserRepository users, IpCheckService ipChecks,
      DocketService docket, ExchangeRates exchangeRates, DealService deals, UserDetailsService userDetails, @Value("${ttdesk.demo.deals:false}") boolean withDeals) {
    this.centres = centres;
    this.users = users;
    this.ipChecks = ipChecks;
    this.docket = docket;
    this.exchangeRates = exchangeRates;
    this.deals = deals;
    this.userDetails = userDetails;
    this.withDeals = withDeals;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (users.existsById("broker")) {
      return;
    }
    centres.save(new Centre("SHA", "Shanghai International Technology Transfer Centre", "CN", "CNY"));
    centres.save(new Centre("BER", "Berlin University Transfer Office", "DE", "EUR"));
    // Demo users only: a low bcrypt cost keeps every HTTP Basic request of the local run and the
    // tests fast. Users made through the API get the application's full cost.
    String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
    users.saveAll(List.of(
        new AppUser("broker", hash, "Li Na (broker)", "BROKER", "SHA"),
        new AppUser("broker2", hash, "Wang Wei (broker)", "BROKER", "SHA"),
        new AppUser("berlin", hash, "Anna Schmidt (broker)", "BROKER", "BER"),
        new AppUser("manager", hash, "Zhang Min (manager)", "MANAGER", "SHA,BER"),
        new AppUser("lead", hash, "Zhou Lan (lead broker and manager)", "BROKER,MANAGER", "SHA"),
        new AppUser("auditor", hash, "Olga Petrova (auditor)", "AUDITOR", "SHA,BER"),
        new AppUser("admin", hash, "Site administrator", "ADMIN", "")));
    int listed = ipChecks.importDeniedParties("DEMO-2026-11", new ClassPathResource("demo/denied-parties.csv").getInputStream());
    int catalogued = ipChecks.importCatalogue("DEMO-CN-2025", new ClassPathResource("demo/export-catalogue.csv").getInputStream());
    int rates = exchangeRates.importCsv(new ClassPathResource("demo/exchange-rates.csv").getInputStream(), "admin");
    log.info("Demo data: 2 centres, 7 users (password '{}'), {} denied parties, {} catalogue items, {} exchange rates",
        PASSWORD, listed, catalogued, rates);
    if (withDeals) {
      demoDeals();
    }
  }

  private void demoDeals() {
    var broker = (io.ttdesk.security.DeskUser) userDetails.loadUserByUsername("broker");
    var berlin = (io.ttdesk.security.DeskUser) userDetails.loadUserByUsername("berlin");
    deals.disclose(disclosure("Solid-state sodium battery electrolyte", "SHA", "Fudan University", "CN", "US", 5,
        new Disclosure.Licensee("Voltaic Storage Inc.", "US"), "USD",
        List.of("400000", "900000", "1500000", "2000000", "2000000"), null), broker);
    // Filed 14 months ago: the Paris priority year has passed, so the docket check raises a task.
    String filed = deals.disclose(disclosure("Low-dose CT reconstruction algorithm", "SHA",
        "Shanghai Jiao Tong University", "CN", "CN", 7, null, "CNY", List.of("2000000", "3000000", "3500000"),
        LocalDate.now().minusMonths(14)), broker).getId();
    deals.disclose(disclosure("Enzyme for PET plastic recycling", "BER", "Technische Universität Berlin", "DE", "DE",
        3, null, "EUR", List.of("100000", "300000", "600000"), null), berlin);
    log.info("Demo data: 3 deals disclosed, {} overdue docket dates", docket.raiseOverdue(filed));
  }

  private static Disclosure disclosure(String title, String centre, String owner, String ownerCountry,
      String targetCountry, int trl, Disclosure.Licensee licensee, String currency, List<String> revenue,
      LocalDate priorityDate) {
    return new Disclosure(title, "Demo disclosure: " + title + ".", centre, owner, ownerCountry, targetCountry, trl,
        "Energy", licensee,
        List.of(new Disclosure.InventorShare("Chen Jie", "chen@example.org", "Materials", new BigDecimal("60"), true),
            new Disclosure.InventorShare("Maria Rossi", "rossi@example.org", "Chemistry", new BigDecimal("40"), true)),
        List.of(new Disclosure.Prior(LocalDate.now().minusMonths(2), "CONFERENCE_TALK", "Talk at a conference")),
        priorityDate,
        new Disclosure.RevenueProjection(currency, revenue.stream().map(BigDecimal::new).toList(), new BigDecimal("3"),
            new BigDecimal("25"), new BigDecimal("15")),
        new BigDecimal("12000"), null,
        List.of(new Disclosure.SponsorRights("National Natural Science Foundation", Sponsor.Rights.GOVERNMENT_LICENCE)),
        List.of(ownerCountry, targetCountry, "EP"));
  }
}
