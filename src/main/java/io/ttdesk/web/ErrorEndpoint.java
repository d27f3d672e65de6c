package io.ttdesk.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container answers when no controller did: an unknown address, an unsupported method or
 * content type, a rejected URL. The API gets a problem document like every other refusal; pages get
 * the error page. Nothing about the failure's cause is shown.
 */
@Controller
class ErrorEndpoint implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  Object error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && path.startsWith("/api/")) {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
          ? "The request could not be completed." : "The request was refused: " + status.getReasonPhrase() + ".");
      p.setTitle(status.getReasonPhrase());
      p.setType(URI.create("about:blank"));
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
    return new ModelAndView("error", Map.of("status", status.value()), status);
  }
}
