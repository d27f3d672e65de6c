package io.ttdesk.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fieldsNamedLikePathsBecomeTheApisJsonWithoutBlankFieldsOrRows() {
    Map<String, String> posted = new LinkedHashMap<>();
    posted.put("title", " Solar paint ");
    posted.put("licensee.name", "");
    posted.put("inventors[0].name", "Chen Jie");
    posted.put("inventors[0].share", "60");
    posted.put("inventors[1].name", "");
    posted.put("valuation.projectedRevenue", "100000, 200000;300000");
    posted.put("_csrf", "token");
    assertThat(FormJson.of(posted, Set.of("valuation.projectedRevenue"), json).toString()).isEqualTo(
        "{\"title\":\"Solar paint\",\"inventors\":[{\"name\":\"Chen Jie\",\"share\":\"60\"}],"
            + "\"valuation\":{\"projectedRevenue\":[\"100000\",\"200000\",\"300000\"]}}");
  }

  @Test
  void aCommaInsideANumberIsNotASeparator() {
    // "1,000,000" stays one item, which the number field then refuses, instead of three small numbers.
    assertThat(FormJson.items("1,000,000 2000000")).containsExactly("1,000,000", "2000000");
  }

  @Test
  void rowsAreRenumberedSoAnErrorOnTheNthFilledRowIsShownWhereItWasTyped() {
    Map<String, String> posted = new LinkedHashMap<>();
    posted.put("inventors[0].name", "Chen Jie");
    posted.put("inventors[1].name", " ");
    posted.put("inventors[2].name", "Maria Rossi");
    posted.put("inventors[2].share", "x");
    assertThat(FormJson.compact(posted)).containsEntry("inventors[1].name", "Maria Rossi")
        .containsEntry("inventors[1].share", "x").doesNotContainKey("inventors[2].name");
  }

  @Test
  void anIndexNoFormOffersIsIgnoredRatherThanFilledWithEmptyRows() {
    assertThat(FormJson.of(Map.of("inventors[2000000000].name", "x", "inventors[50].name", "y"), Set.of(), json)
        .toString()).isEqualTo("{}");
  }
}
