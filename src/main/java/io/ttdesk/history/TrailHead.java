package io.ttdesk.history;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest place and hash of a deal's chain; the only trail row the application updates. */
@Entity
@Table(name = "trail_head")
class TrailHead {

  @Id
  private String dealId;
  private int seq;
  private String hash;

  protected TrailHead() {}

  TrailHead(String dealId) {
    this.dealId = dealId;
    this.seq = 0;
    this.hash = Chain.GENESIS;
  }

  void advance(HistoryEvent e) {
    this.seq = e.getSeq();
    this.hash = e.getHash();
  }

  int getSeq() { return seq; }
  String getHash() { return hash; }
}
