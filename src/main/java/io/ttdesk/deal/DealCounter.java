package io.ttdesk.deal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The next number for deal references with one prefix (centre and year). */
@Entity
@Table(name = "deal_counter")
class DealCounter {

  @Id
  private String prefix;
  private int nextNo;

  protected DealCounter() {}

  int take() {
    return nextNo++;
  }
}
