package io.ttdesk.deal;

import java.util.Optional;

/** The deal's row, locked for the rest of the transaction: one command or job of a deal at a time. */
public interface DealLock {

  Optional<Deal> lockById(String id);
}
