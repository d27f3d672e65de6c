package io.ttdesk.common;

/** Unknown, or not visible to the caller: both answer 404 so that nothing leaks. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " not found");
  }
}
