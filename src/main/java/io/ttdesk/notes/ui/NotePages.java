package io.ttdesk.notes.ui;

import io.ttdesk.common.InvalidInputException;
import io.ttdesk.notes.NoteService;
import io.ttdesk.security.DeskUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Comments and files added from a deal's or a task's page, and files handed out as downloads. */
@Controller
class NotePages {

  private final NoteService notes;

  NotePages(NoteService notes) {
    this.notes = notes;
  }

  @PostMapping("/desk/deals/{id}/comments")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  String comment(@PathVariable String id, @RequestParam(required = false) Long taskId,
      @RequestParam(defaultValue = "") String body, @AuthenticationPrincipal DeskUser user, RedirectAttributes flash) {
    try {
      notes.comment(id, taskId, body, user);
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("noteProblem", e.problems().getFirst().reason());
    }
    return back(id, taskId);
  }

  @PostMapping("/desk/deals/{id}/files")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  String attach(@PathVariable String id, @RequestParam(required = false) Long taskId,
      @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal DeskUser user,
      RedirectAttributes flash) throws IOException {
    try {
      // Without a file the service still checks the deal first, so an unseen deal is a 404 either way.
      notes.attach(id, taskId, file == null ? "" : file.getOriginalFilename(), file == null ? new byte[0]
          : file.getBytes(), user);
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("noteProblem", e.problems().getFirst().reason());
    }
    return back(id, taskId);
  }

  /** Always a download, never shown inline: a file cannot run as a page of this site. */
  @GetMapping("/desk/files/{fileId}")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
  ResponseEntity<byte[]> download(@PathVariable long fileId, @AuthenticationPrincipal DeskUser user) {
    NoteService.Download d = notes.download(fileId, user);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.file().getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(d.file().getFileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(d.bytes());
  }

  private static String back(String dealId, Long taskId) {
    return taskId == null ? "redirect:/desk/deals/" + dealId : "redirect:/desk/tasks/" + taskId;
  }
}
