package io.ttdesk.common;

/** One reason a request was refused, naming the field it concerns (JSON path). */
public record FieldProblem(String field, String reason) {}
