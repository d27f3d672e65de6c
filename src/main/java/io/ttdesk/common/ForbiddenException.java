package io.ttdesk.common;

/** The caller may see the object but not do this with it; answered 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String reason) {
    super(reason);
  }
}
