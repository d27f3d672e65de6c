package io.ttdesk.common;

import java.util.List;

/** Bad input found by a business rule; answered 400 with the fields and reasons. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String field, String reason) {
    this(List.of(new FieldProblem(field, reason)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** Every problem as "field reason", joined by semicolons, for a single line of text. */
  public String describe() {
    return String.join("; ", problems.stream().map(p -> p.field() + " " + p.reason()).toList());
  }
}
