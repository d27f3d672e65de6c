package io.ttdesk.casefile.web;

import io.ttdesk.common.InvalidInputException;
import io.ttdesk.security.DeskUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trail events across the deals of the centres granted to the reader: by person, event kind, words
 * of the summary and date range, e.g. every screening hit cleared by a person in 2026.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR','MANAGER')")
class TrailSearchController {

  static final int PAGE_SIZE = 100;

  private final NamedParameterJdbcTemplate db;

  TrailSearchController(NamedParameterJdbcTemplate db) {
    this.db = db;
  }

  record Found(String dealId, String reference, String centre, int seq, Instant occurredAt, String actor,
      String actorKind, String type, String summary) {}

  @GetMapping("/api/v1/trail/search")
  List<Found> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
      @RequestParam(required = false) String text, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page,
      @AuthenticationPrincipal DeskUser user) {
    if (type != null && !type.matches("[A-Z_]{1,48}")) {
      throw new InvalidInputException("type", "must be an event kind such as TASK_COMPLETED");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidInputException("to", "must not be before from");
    }
    if (page < 0 || page > 10_000) {
      throw new InvalidInputException("page", "must be from 0 to 10000");
    }
    if (user.centres().isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("centres", user.centres())
        .addValue("actor", actor)
        .addValue("type", type)
        .addValue("text", text == null ? null : "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
            .replace("_", "\\_") + "%")
        // Times are stored as UTC wall-clock values; the range is whole UTC days.
        .addValue("from", from == null ? null : from.atStartOfDay())
        .addValue("to", to == null ? null : to.plusDays(1).atStartOfDay())
        .addValue("limit", PAGE_SIZE)
        .addValue("offset", page * PAGE_SIZE);
    return db.query("""
        SELECT h.deal_id, d.reference, d.centre, h.seq, h.occurred_at, h.actor, h.actor_kind, h.type, h.summary
        FROM history_event h JOIN deal d ON d.id = h.deal_id
        WHERE d.centre IN (:centres)
          AND (:actor IS NULL OR h.actor = :actor)
          AND (:type IS NULL OR h.type = :type)
          AND (:text IS NULL OR LOWER(h.summary) LIKE :text)
          AND (:from IS NULL OR h.occurred_at >= :from)
          AND (:to IS NULL OR h.occurred_at < :to)
        ORDER BY h.occurred_at, h.id
        LIMIT :limit OFFSET :offset""", p, (rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getInt(4), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(6), rs.getString(7),
        rs.getString(8),
        rs.getString(9)));
  }
}
