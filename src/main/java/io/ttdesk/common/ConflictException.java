package io.ttdesk.common;

/** The request is well-formed but the case is not in a state that allows it; answered 409. */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
