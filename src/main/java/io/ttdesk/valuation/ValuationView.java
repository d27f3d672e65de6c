package io.ttdesk.valuation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.common.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A valuation as the API shows it: value at the currency's minor unit, inputs and details as JSON. */
public record ValuationView(long id, String method, BigDecimal value, String currency, JsonNode inputs,
    JsonNode details, String createdBy, Instant computedAt, boolean chosen) {

  public static ValuationView of(Valuation v, Long chosenId, ObjectMapper json) {
    try {
      return new ValuationView(v.getId(), v.getMethod(), Money.of(v.getValueAmount(), v.getCurrency()).amount(),
          v.getCurrency(), json.readTree(v.getInputs()), json.readTree(v.getDetails()), v.getCreatedBy(),
          v.getComputedAt(), v.getId().equals(chosenId));
    } catch (Exception e) {
      throw new IllegalStateException("stored valuation " + v.getId() + " is not readable", e);
    }
  }
}
