package io.ttdesk.casefile;

import io.ttdesk.common.InvalidInputException;
import io.ttdesk.deal.Centres;
import io.ttdesk.security.DeskUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trail events across the deals of the centres granted to the reader: by person, event kind, words
 * of the summary and date range, e.g. every screening hit cleared by a person in 2026.
 */
@Service
public class TrailSearch {

  public static final int PAGE_SIZE = 100;

  private final NamedParameterJdbcTemplate db;
  private final Centres centres;

  TrailSearch(NamedParameterJdbcTemplate db, Centres centres) {
    this.db = db;
    this.centres = centres;
  }

  public record Query(String actor, String type, String text, LocalDate from, LocalDate to, int page) {}

  public record Found(String dealId, String reference, String centre, int seq, Instant occurredAt, String actor,
      String actorKind, String actorRole, String type, String summary) {}

  @Transactional(readOnly = true)
  public List<Found> search(Query q, DeskUser user) {
    String actor = blankToNull(q.actor());
    String type = blankToNull(q.type());
    String text = blankToNull(q.text());
    if (type != null && !type.matches("[A-Z_]{1,48}")) {
      throw new InvalidInputException("type", "must be an event kind such as TASK_COMPLETED");
    }
    if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
      throw new InvalidInputException("to", "must not be before from");
    }
    if (q.page() < 0 || q.page() > 10_000) {
      throw new InvalidInputException("page", "must be from 0 to 10000");
    }
    java.util.Collection<String> centres = this.centres.grantedTo(user).keySet();
    if (centres.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("centres", centres)
        .addValue("actor", actor)
        .addValue("type", type)
        .addValue("text", text == null ? null : "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
            .replace("_", "\\_") + "%")
        // Times are stored as UTC wall-clock values; the range is whole UTC days.
        .addValue("from", q.from() == null ? null : q.from().atStartOfDay())
        .addValue("to", q.to() == null ? null : q.to().plusDays(1).atStartOfDay())
        .addValue("limit", PAGE_SIZE)
        .addValue("offset", q.page() * PAGE_SIZE);
    return db.query("""
        SELECT h.deal_id, d.reference, d.centre, h.seq, h.occurred_at, h.actor, h.actor_kind, h.actor_role, h.type,
               h.summary
        FROM history_event h JOIN deal d ON d.id = h.deal_id
        WHERE d.centre IN (:centres)
          AND (:actor IS NULL OR h.actor = :actor)
          AND (:type IS NULL OR h.type = :type)
          AND (:text IS NULL OR LOWER(h.summary) LIKE :text)
          AND (:from IS NULL OR h.occurred_at >= :from)
          AND (:to IS NULL OR h.occurred_at < :to)
        ORDER BY h.occurred_at DESC, h.id DESC
        LIMIT :limit OFFSET :offset""", p, (rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getInt(4), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(6), rs.getString(7),
        rs.getString(8), rs.getString(9), rs.getString(10)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
