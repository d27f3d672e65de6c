package io.ttdesk.tasks;

/** A task has just been stored; published inside the storing transaction. */
public record TaskOpened(long taskId, String centre, String candidateGroup, String assignee) {}
