package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The broker's pages: sign-in, the task list with its filters, and task forms validated on the server. */
class TaskPagesIT extends ApiTest {

  @Autowired
  io.ttdesk.ipcheck.DocketService docket;

  @Test
  void signInLeadsToTheTaskListAndStrangersToTheSignInPage() throws Exception {
    mvc.perform(page("/desk/tasks")).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("http://localhost/login"));
    assertThat(html(page("/login"), 200)).contains("name=\"_csrf\"", "Sign in");
    assertThat(html(page("/login").param("lang", "zh-CN"), 200)).contains("登录", "用户名");
    mvc.perform(formLogin("/login").user("broker").password("wrong")).andExpect(redirectedUrl("/login?error"));
    mvc.perform(formLogin("/login").user("broker").password("demo")).andExpect(redirectedUrl("/desk"));
    mvc.perform(as("broker", page("/desk"))).andExpect(redirectedUrl("/desk/tasks"));
    mvc.perform(as("auditor", page("/desk"))).andExpect(redirectedUrl("/desk/trail"));
    mvc.perform(as("admin", page("/desk"))).andExpect(redirectedUrl("/"));
    // A form without its CSRF token is refused.
    mvc.perform(send("/desk/tasks/1/claim").with(user(users.loadUserByUsername("broker"))))
        .andExpect(status().isForbidden());
  }

  @Test
  void theListFiltersCountsAndKeepsOtherCentresAndRolesOut() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    String reference = deal(id).get("reference").asText();
    // Newest first, so the new task is on the first page however many tasks other tests left open.
    String list = html(as("broker", page("/desk/tasks").param("sort", "CREATED")), 200);
    assertThat(list).contains(reference, "data-task=\"" + task + "\"", "Unassigned");
    assertThat(html(as("broker", page("/desk/tasks").param("stage", "SCREENING").param("sort", "CREATED")), 200))
        .contains(reference);
    assertThat(html(as("broker", page("/desk/tasks").param("stage", "EXECUTION")), 200)).doesNotContain(reference);
    assertThat(html(as("broker", page("/desk/tasks").param("view", "MINE")), 200)).doesNotContain(reference);
    assertThat(html(as("broker", page("/desk/tasks").param("lang", "zh-CN").param("sort", "CREATED")), 200))
        .contains("审查披露", "未分配");
    assertThat(html(as("berlin", page("/desk/tasks")), 200)).doesNotContain(reference);
    html(as("berlin", page("/desk/tasks/" + task)), 404);
    html(as("auditor", page("/desk/tasks/" + task)), 403);
    html(as("auditor", page("/desk/tasks/stream")), 403);
    html(as("berlin", send("/desk/tasks/" + task + "/claim")).with(csrf()), 404);
    html(as("auditor", page("/desk/tasks")), 403);
    html(as("broker", page("/desk/tasks").param("view", "SOMETIMES")), 400);

    mvc.perform(as("broker", send("/desk/tasks/" + task + "/claim")).with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(html(as("broker", page("/desk/tasks").param("view", "MINE").param("sort", "CREATED")), 200))
        .contains(reference);
    assertThat(html(as("broker", page("/desk/tasks/" + task)), 200)).contains("id=\"unclaim\"");
    html(as("broker2", send("/desk/tasks/" + task)).with(csrf()).param("decision", "PURSUE"), 403);
  }

  @Test
  void aFormComesBackWithEachReasonNextToItsFieldAndCompletesWhenRight() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long screen = awaitTask("broker", id, "ScreenDisclosure");
    String refused = html(as("broker", send("/desk/tasks/" + screen)).with(csrf()).param("decision", "NOT_PURSUE"), 400);
    assertThat(refused).contains("id=\"comment-error\"").contains("<option value=\"NOT_PURSUE\" selected=\"selected\"");
    assertThat(html(as("broker", send("/desk/tasks/" + screen)).with(csrf()).param("decision", "MAYBE"), 400))
        .contains("id=\"decision-error\"");
    assertThat(html(as("broker", send("/desk/tasks/" + screen)).with(csrf()).param("decision", "NOT_PURSUE")
        .param("lang", "zh-CN"), 400)).contains("不推进时必须说明");
    mvc.perform(as("broker", send("/desk/tasks/" + screen)).with(csrf()).param("decision", "PURSUE"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/desk/tasks"));
    assertThat(get("broker", "/api/v1/tasks/" + screen).body().get("state").asText()).isEqualTo("COMPLETED");

    long terms = awaitTask("broker", id, "PrepareTermSheet");
    Map<String, String> sheet = Map.of("dealForm", "NON_EXCLUSIVE_LICENCE", "currency", "USD", "upfrontFee", "20000",
        "royaltyRate", "3", "termYears", "2", "fieldOfUse", "Photovoltaics", "territory", "Worldwide",
        "milestones[0].name", "First sale", "milestones[0].amount", "25000", "milestones[0].dueDate", "2020-01-01");
    String late = html(form(as("broker", send("/desk/tasks/" + terms)).with(csrf()), sheet), 400);
    assertThat(late).contains("must not be in the past").contains("value=\"First sale\"");
    Map<String, String> fixed = new java.util.HashMap<>(sheet);
    fixed.put("milestones[0].dueDate", LocalDate.now().plusMonths(6).toString());
    mvc.perform(form(as("broker", send("/desk/tasks/" + terms)).with(csrf()), fixed)).andExpect(status().is3xxRedirection());
    assertThat(get("auditor", "/api/v1/deals/" + id + "/term-sheets").body().get(0).get("termSheet")
        .get("milestones").get(0).get("name").asText()).isEqualTo("First sale");
  }

  @Test
  void theDealPageDrawsTheProcessWithDoneAndActiveElementsAndItsTimeline() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    awaitTask("broker", id, "PrepareTermSheet");
    String page = html(as("auditor", page("/desk/deals/" + id)), 200);
    assertThat(page).contains("<svg", deal(id).get("reference").asText());
    assertThat(page).containsPattern("class=\"el task done\" data-element=\"ScreenDisclosure\"")
        .containsPattern("class=\"el task done\" data-element=\"ComputeValuation\"")
        .containsPattern("class=\"el task active\" data-element=\"PrepareTermSheet\"")
        .containsPattern("class=\"el task pending\" data-element=\"ApproveTermSheet\"")
        .contains("Disclosure received", "class=\"flow done\" data-flow=\"PursueYes\"",
            "class=\"flow done\" data-flow=\"Flow_DecideToReviewNeeded\"",
            "class=\"flow\" data-flow=\"Flow_ReviewNeededYes\"");
    assertThat(page).contains("id=\"timeline\"", "Task completed: Screen disclosure (PURSUE)");
    assertThat(html(as("manager", page("/desk/deals/" + id).param("lang", "zh-CN")), 200)).contains("流程进展", "许可谈判准备", "任务完成", "收到披露");
    html(as("berlin", page("/desk/deals/" + id)), 404);
    String trail = html(as("auditor", page("/desk/deals/" + id + "/trail")), 200);
    assertThat(trail).contains("The chain holds", "data-seq=\"1\"", "Disclosed",
        "/desk/deals/" + id + "/trail/export.csv");
    // The page's download links work with the page's session, not only with HTTP Basic.
    assertThat(html(as("auditor", page("/desk/deals/" + id + "/trail/export.csv")), 200)).startsWith("seq,occurredAt");
    assertThat(html(as("auditor", page("/desk/trail/public-key")), 200)).contains("BEGIN PUBLIC KEY");
    html(as("berlin", page("/desk/deals/" + id + "/trail/export")), 404);
    assertThat(html(as("auditor", page("/desk/deals/" + id + "/trail").param("lang", "zh-CN")), 200))
        .contains("哈希链完整");
    html(as("berlin", page("/desk/deals/" + id + "/trail")), 404);
    html(as("broker", page("/desk/deals/no-such-deal")), 404);
  }

  @Test
  void aDisclosureEnteredOnThePageStartsADealAndBadSharesComeBackNextToTheRows() throws Exception {
    assertThat(html(as("broker", page("/desk/deals/new")), 200)).contains("name=\"inventors[0].share\"");
    Map<String, String> form = new java.util.HashMap<>(Map.of("title", "Solar paint", "abstract", "A paint that makes power.",
        "centre", "SHA", "ownerInstitution", "Fudan University", "ownerCountry", "CN", "targetCountry", "CN",
        "technologyReadinessLevel", "4", "valuation.currency", "USD", "valuation.projectedRevenue", "100000 200000",
        "valuation.royaltyRate", "3"));
    form.putAll(Map.of("valuation.taxRate", "25", "valuation.discountRate", "15",
        "inventors[0].name", "Chen Jie", "inventors[0].share", "60", "inventors[1].name", "Maria Rossi",
        "inventors[1].share", "30", "filingCountries", "CN, EP"));
    String refused = html(form(as("broker", send("/desk/deals/new")).with(csrf()), form), 400);
    assertThat(refused).contains("shares must add up to 100").contains("value=\"Maria Rossi\"");
    // Rows 0 and 2 filled, row 1 left blank: the error on the second inventor shows next to what was typed.
    form.remove("inventors[1].name");
    form.remove("inventors[1].share");
    form.put("inventors[2].name", "Maria Rossi");
    form.put("inventors[2].share", "40x");
    String gap = html(form(as("broker", send("/desk/deals/new")).with(csrf()), form), 400);
    assertThat(gap).contains("id=\"inventors[1].share-error\"").containsPattern(
        "id=\"inventors\\[1]\\.share\" name=\"inventors\\[1]\\.share\" type=\"text\" value=\"40x\"");
    form.remove("inventors[2].name");
    form.remove("inventors[2].share");
    form.put("inventors[1].name", "Maria Rossi");
    form.put("valuation.projectedRevenue", "1,000,000 2,000,000");
    assertThat(html(form(as("broker", send("/desk/deals/new")).with(csrf()), form), 400))
        .contains("id=\"valuation.projectedRevenue-error\"");
    form.put("valuation.projectedRevenue", "100000 200000");
    form.put("inventors[1].share", "40");
    String location = mvc.perform(form(as("broker", send("/desk/deals/new")).with(csrf()), form))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(deal(id).get("title").asText()).isEqualTo("Solar paint");
    assertThat(deal(id).get("inventors")).hasSize(2);
    awaitTask("broker", id, "ScreenDisclosure");
    html(as("auditor", page("/desk/deals/new")), 403);
    form.put("centre", "BER");
    assertThat(html(form(as("broker", send("/desk/deals/new")).with(csrf()), form), 400))
        .contains("is not a centre you work for");
  }

  @Test
  void aManagerAssignsATaskToAColleagueAndItsAssigneeSetsAFollowUp() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    String base = "/api/v1/tasks/" + task;
    post("manager", base + "/assignment", Map.of("assignee", "berlin")).expect(400).problemOn("assignee");
    post("manager", base + "/assignment", Map.of()).expect(400).problemOn("assignee");
    post("broker", base + "/assignment", Map.of("assignee", "broker2")).expect(403);
    post("auditor", base + "/assignment", Map.of("assignee", "broker2")).expect(403);
    post("manager", "/api/v1/tasks/999/assignment", Map.of("assignee", "broker2")).expect(404);
    assertThat(post("manager", base + "/assignment", Map.of("assignee", "broker2")).expect(200).body()
        .get("assignee").asText()).isEqualTo("broker2");

    String tomorrow = LocalDate.now().plusDays(2).toString();
    post("broker", base + "/follow-up", Map.of("followUpOn", tomorrow)).expect(403);
    post("broker2", base + "/follow-up", Map.of("followUpOn", "2020-01-01")).expect(400).problemOn("followUpOn");
    post("broker2", base + "/follow-up", Map.of()).expect(400).problemOn("followUpOn");
    post("auditor", base + "/follow-up", Map.of("followUpOn", tomorrow)).expect(403);
    assertThat(post("broker2", base + "/follow-up", Map.of("followUpOn", tomorrow)).expect(200).body()
        .get("followUpAt").asText()).startsWith(tomorrow);

    // On the page: the manager sees the colleagues to assign to and hands the task back to broker.
    assertThat(html(as("manager", page("/desk/tasks/" + task)), 200)).contains("id=\"assign\"", "Wang Wei (broker)");
    assertThat(html(as("broker", page("/desk/tasks/" + task)), 200)).doesNotContain("id=\"assign\"");
    mvc.perform(as("broker", send("/desk/tasks/" + task + "/assignment")).with(csrf()).param("assignee", "broker"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    mvc.perform(as("manager", send("/desk/tasks/" + task + "/assignment")).with(csrf()).param("assignee", "berlin"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
            .attribute("problem", "assignee is not a member of brokers:SHA"));
    mvc.perform(as("manager", send("/desk/tasks/" + task + "/assignment")).with(csrf()).param("assignee", "broker"))
        .andExpect(redirectedUrl("/desk/tasks/" + task));
    assertThat(get("broker", base).body().get("assignee").asText()).isEqualTo("broker");
    assertThat(historyTypes(id)).contains("TASK_ASSIGNED", "TASK_FOLLOW_UP_SET");
  }

  @Test
  void thePriorityOrderPutsAPassedDocketDateFirstAndAFollowUpIsSetOnThePage() throws Exception {
    Map<String, Object> d = new java.util.HashMap<>(disclosure("SHA", "CN", "CN", null));
    d.put("priorityDate", LocalDate.now().minusMonths(14).toString());
    String id = disclose(d);
    assertThat(docket.raiseOverdue(id)).isEqualTo(1);
    long attend = awaitTask("broker", id, "AttendDocketDate");
    String list = html(as("broker", page("/desk/tasks").param("sort", "PRIORITY")), 200);
    java.util.List<Integer> order = java.util.regex.Pattern.compile("data-priority=\"(\\d+)\"").matcher(list).results()
        .map(m -> Integer.valueOf(m.group(1))).toList();
    assertThat(order).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(order.getFirst()).isEqualTo(90);

    mvc.perform(as("broker", send("/desk/tasks/" + attend + "/follow-up")).with(csrf()).param("followUpOn", "2020-01-01"))
        .andExpect(redirectedUrl("/desk/tasks/" + attend))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
            .attribute("problem", "followUpOn must not be in the past"));
    mvc.perform(as("broker", send("/desk/tasks/" + attend + "/follow-up")).with(csrf())
        .param("followUpOn", LocalDate.now().plusDays(3).toString())).andExpect(redirectedUrl("/desk/tasks/" + attend));
    assertThat(html(as("broker", page("/desk/tasks/" + attend)), 200)).contains("id=\"follow-up-on\"");
    html(as("auditor", send("/desk/tasks/" + attend + "/follow-up")).with(csrf()).param("followUpOn", "2030-01-01"), 403);
  }

  private static MockHttpServletRequestBuilder page(String path) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
  }

  private static MockHttpServletRequestBuilder send(String path) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
  }

  private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> fields) {
    fields.forEach(request::param);
    return request;
  }

  private String html(MockHttpServletRequestBuilder request, int expected) throws Exception {
    var result = mvc.perform(request).andReturn().getResponse();
    assertThat(result.getStatus()).as(result.getContentAsString()).isEqualTo(expected);
    return result.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
