package io.ttdesk.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.camunda.client.api.command.ClientStatusException;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.ForbiddenException;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.NotFoundException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal is an RFC 9457 problem document; 400s list each field and its reason. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return invalid(e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found");
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "Not allowed in the current state", e.getMessage(), "conflict");
    p.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
    return p;
  }

  @ExceptionHandler({ObjectOptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
  ProblemDetail concurrent(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Changed concurrently", "The case changed while this request ran; reload and try again.", "conflict");
  }

  /** A unique key met a concurrent or repeated request: nothing was stored. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e) {
    log.warn("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    return problem(HttpStatus.CONFLICT, "Conflicts with stored data",
        "The request conflicts with data stored meanwhile (a duplicate or a concurrent change); nothing was stored.",
        "conflict");
  }

  @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class, AuthorizationDeniedException.class})
  ProblemDetail forbidden(RuntimeException e) {
    String detail = e instanceof ForbiddenException ? e.getMessage() : "Your role does not allow this.";
    return problem(HttpStatus.FORBIDDEN, "Forbidden", detail, "forbidden");
  }

  /** Commands reach the engine inside their transaction: when it is unreachable nothing is stored. */
  @ExceptionHandler(ClientStatusException.class)
  ProblemDetail engine(ClientStatusException e) {
    log.warn("Engine refused or unreachable: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Workflow engine unavailable",
        "The workflow engine did not accept the command; nothing was stored. Try again shortly.", "engine-unavailable");
  }

  /** A body without a declared length that went past the limit, read as bytes (CSV uploads). */
  @ExceptionHandler(BodyLimit.TooLarge.class)
  ProblemDetail tooLarge(BodyLimit.TooLarge e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", e.getMessage() + ".", "too-large");
  }

  /** The database cannot be reached: the request did nothing and may be sent again. */
  @ExceptionHandler({org.springframework.transaction.CannotCreateTransactionException.class,
      org.springframework.dao.DataAccessResourceFailureException.class})
  ProblemDetail databaseAway(Exception e) {
    log.warn("Database unreachable: {}", e.toString());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
        "The case store cannot be reached; nothing was stored. Try again shortly.", "unavailable");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return invalid(List.of(new FieldProblem(e.getName(), "is not a valid value: " + e.getValue())));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed.", "internal");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors()
        .forEach(g -> problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(invalid(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream()
            .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(invalid(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyLimit.TooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
            "Payload Too Large", t.getMessage() + ".", "too-large"));
      }
    }
    FieldProblem problem = new FieldProblem("body", "is not readable JSON");
    if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      problem = new FieldProblem(path(jme), jme instanceof InvalidFormatException ife && ife.getTargetType().isEnum()
          ? "must be one of " + Arrays.toString(ife.getTargetType().getEnumConstants())
          : "has a malformed value");
    }
    return ResponseEntity.badRequest().body(invalid(List.of(problem)));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail p && p.getType() == null) {
      p.setType(URI.create("about:blank"));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static ProblemDetail invalid(List<FieldProblem> problems) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input",
        problems.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; ")), "invalid-input");
    p.setProperty("errors", problems);
    return p;
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("https://ttdesk.io/problems/" + type));
    return p;
  }
}
