package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Comments and files on a deal and on a task: who may add them, what is refused, how files come back. */
class NotesIT extends ApiTest {

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void commentsAndFilesGoOnTheCaseAndFilesComeBackAsDownloads() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    mvc.perform(as("broker", MockMvcRequestBuilders.post("/desk/deals/" + id + "/comments")).with(csrf())
        .param("body", "Licensee asked for the test data")).andExpect(redirectedUrl("/desk/deals/" + id));
    mvc.perform(as("broker", MockMvcRequestBuilders.post("/desk/deals/" + id + "/comments")).with(csrf())
        .param("taskId", String.valueOf(task)).param("body", "Checked the claims"))
        .andExpect(redirectedUrl("/desk/tasks/" + task));
    mvc.perform(as("broker", MockMvcRequestBuilders.post("/desk/deals/" + id + "/comments")).with(csrf())
        .param("body", "  ")).andExpect(flash().attribute("noteProblem", "must be 1 to 4000 characters"));

    mvc.perform(upload(id, "broker", new MockMultipartFile("file", "../../term sheet.pdf", "application/pdf", PDF)))
        .andExpect(redirectedUrl("/desk/deals/" + id));
    String page = mvc.perform(as("auditor", MockMvcRequestBuilders.get("/desk/deals/" + id))).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    // The deal page shows everything on the case; a task's page only what was added on that task.
    assertThat(page).contains("Licensee asked for the test data", "Checked the claims", "term sheet.pdf");
    assertThat(mvc.perform(as("broker", MockMvcRequestBuilders.get("/desk/tasks/" + task))).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8)).contains("Checked the claims")
        .doesNotContain("Licensee asked for the test data");

    long fileId = get("auditor", "/api/v1/deals/" + id + "/history").body().findValues("attachmentId").getFirst().asLong();
    MockHttpServletResponse download = mvc.perform(as("auditor", MockMvcRequestBuilders.get("/desk/files/" + fileId)))
        .andExpect(status().isOk()).andReturn().getResponse();
    assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
    assertThat(download.getContentType()).isEqualTo("application/pdf");
    assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("term%20sheet.pdf")
        .doesNotContain("..");
    mvc.perform(as("berlin", MockMvcRequestBuilders.get("/desk/files/" + fileId))).andExpect(status().isNotFound());
    assertThat(historyTypes(id)).contains("COMMENT_ADDED", "FILE_ATTACHED");
  }

  @Test
  void aFileThatIsNotWhatItsNameSaysOrTooLargeOrFromTheWrongUserIsRefused() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    byte[] program = {'M', 'Z', 0, 0, 1, 2, 3};
    mvc.perform(upload(id, "broker", new MockMultipartFile("file", "invoice.pdf", "application/pdf", program)))
        .andExpect(flash().attributeExists("noteProblem"));
    mvc.perform(upload(id, "broker", new MockMultipartFile("file", "tool.exe", "application/octet-stream", program)))
        .andExpect(flash().attributeExists("noteProblem"));
    mvc.perform(upload(id, "broker", new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0])))
        .andExpect(flash().attribute("noteProblem", "is empty"));
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, large, 0, PDF.length);
    mvc.perform(upload(id, "broker", new MockMultipartFile("file", "big.pdf", "application/pdf", large)))
        .andExpect(flash().attribute("noteProblem", "is larger than 10 MB"));
    mvc.perform(upload(id, "auditor", new MockMultipartFile("file", "a.pdf", "application/pdf", PDF)))
        .andExpect(status().isForbidden());
    mvc.perform(upload(id, "berlin", new MockMultipartFile("file", "a.pdf", "application/pdf", PDF)))
        .andExpect(status().isNotFound());
    mvc.perform(as("broker", MockMvcRequestBuilders.post("/desk/deals/" + id + "/comments")).with(csrf())
        .param("taskId", "42").param("body", "on someone else's task")).andExpect(status().isNotFound());
    assertThat(historyTypes(id)).doesNotContain("FILE_ATTACHED", "COMMENT_ADDED");
  }

  private MockHttpServletRequestBuilder upload(String dealId, String username, MockMultipartFile file) {
    MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart("/desk/deals/" + dealId + "/files");
    request.file(file);
    return as(username, request).with(csrf());
  }

}
