package io.ttdesk.history;

import java.time.Instant;
import java.util.Map;

/**
 * Published in the transaction of every appended trail event, so projections built for reading
 * (the pipeline) change with the trail and never lag behind it.
 */
public record Recorded(String dealId, Instant occurredAt, Actor.Kind actorKind, String type, Map<String, ?> data) {}
