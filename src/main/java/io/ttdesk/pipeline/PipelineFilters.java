package io.ttdesk.pipeline;

import io.ttdesk.common.ForbiddenException;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import io.ttdesk.deal.Centre;
import io.ttdesk.deal.Centres;
import io.ttdesk.security.DeskUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a manager's request into a report filter: only centres granted to them (all of theirs by
 * default), the last twelve months by default, and the currency of the first centre unless another
 * is asked for.
 */
@Component
public class PipelineFilters {

  private final Centres centres;
  private final Clock clock;
  private final int stalledDays;

  PipelineFilters(Centres centres, Clock clock, @Value("${ttdesk.pipeline.stalled-days:30}") int stalledDays) {
    this.centres = centres;
    this.clock = clock;
    this.stalledDays = stalledDays;
  }

  public Pipeline.Filter resolve(DeskUser user, List<String> centre, LocalDate from, LocalDate to, Integer stalled,
      String currency) {
    Map<String, Centre> granted = centres.grantedTo(user);
    if (granted.isEmpty()) {
      throw new ForbiddenException("No centre is granted to you.");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String c : centre == null ? List.<String>of() : centre) {
      if (!granted.containsKey(c)) {
        throw new ForbiddenException("Centre " + c + " is not one of the centres granted to you.");
      }
      chosen.add(c);
    }
    if (chosen.isEmpty()) {
      chosen.addAll(granted.keySet());
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate last = to == null ? today : to;
    LocalDate first = from == null ? last.withDayOfMonth(1).minusMonths(11) : from;
    if (last.isBefore(first)) {
      throw new InvalidInputException("to", "must not be before from");
    }
    if (first.plusYears(10).isBefore(last)) {
      throw new InvalidInputException("from", "must be at most ten years before to");
    }
    int days = stalled == null ? stalledDays : stalled;
    if (days < 1 || days > 3650) {
      throw new InvalidInputException("stalledDays", "must be from 1 to 3650");
    }
    String cur = currency == null || currency.isBlank() ? granted.get(chosen.iterator().next()).getCurrency()
        : currency;
    if (!Money.isCurrency(cur)) {
      throw new InvalidInputException("currency", "is not an ISO 4217 currency");
    }
    return new Pipeline.Filter(Collections.unmodifiableSortedSet(new TreeSet<>(chosen)), first, last, days, cur);
  }
}
