package io.ttdesk.deal;

/** How a deal ended; each is one end event of the deal process. */
public enum Outcome {
  NOT_PURSUED, BLOCKED, DECLINED, NO_AGREEMENT, LAPSED, WITHDRAWN, COMPLETED
}
