package io.ttdesk.web.ui;

import io.ttdesk.common.ConflictException;
import io.ttdesk.common.ForbiddenException;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused page request shows a page with the reason; the REST API answers problem documents instead. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletResponse res) {
    return page(HttpStatus.NOT_FOUND, null, model, res);
  }

  @ExceptionHandler(ForbiddenException.class)
  String forbidden(ForbiddenException e, Model model, HttpServletResponse res) {
    return page(HttpStatus.FORBIDDEN, null, model, res);
  }

  @ExceptionHandler(ConflictException.class)
  String conflict(ConflictException e, Model model, HttpServletResponse res) {
    return page(HttpStatus.CONFLICT, e.getMessage(), model, res);
  }

  @ExceptionHandler(InvalidInputException.class)
  String invalid(InvalidInputException e, Model model, HttpServletResponse res) {
    return page(HttpStatus.BAD_REQUEST, e.describe(), model, res);
  }

  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  String tooLarge(Model model, HttpServletResponse res) {
    return page(HttpStatus.PAYLOAD_TOO_LARGE, null, model, res);
  }

  private static String page(HttpStatus status, String message, Model model, HttpServletResponse res) {
    res.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("problem", message);
    return "error";
  }
}
