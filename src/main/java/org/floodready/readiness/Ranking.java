package org.floodready.readiness;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 考核排名 and 红黑旗: ranks units among the units of the same level by score (equal scores share a
 * rank) and, where at least three peers have a score, flags the best red and the worst black.
 */
public final class Ranking {
  static final int MIN_PEERS_FOR_FLAGS = 3;

  private Ranking() {
  }

  /** Adds rank, peers and flag (red, black or null) to each entry JSON, in place. */
  public static void apply(List<JsonObject> entries) {
    Map<String, List<JsonObject>> byLevel = new HashMap<>();
    for (JsonObject e : entries) {
      e.put("rank", null).put("peers", 0).put("flag", null);
      if (e.getValue("score") != null) {
        byLevel.computeIfAbsent(e.getString("level"), k -> new ArrayList<>()).add(e);
      }
    }
    for (List<JsonObject> peers : byLevel.values()) {
      peers.sort(Comparator.<JsonObject>comparingDouble(e -> -e.getDouble("score"))
          .thenComparing(e -> e.getString("code")));
      int rank = 0;
      Double previous = null;
      for (int i = 0; i < peers.size(); i++) {
        JsonObject e = peers.get(i);
        double score = e.getDouble("score");
        if (previous == null || score != previous) {
          rank = i + 1;
          previous = score;
        }
        e.put("rank", rank).put("peers", peers.size());
      }
      if (peers.size() >= MIN_PEERS_FOR_FLAGS) {
        double best = peers.get(0).getDouble("score");
        double worst = peers.get(peers.size() - 1).getDouble("score");
        if (best > worst) {
          peers.stream().filter(e -> e.getDouble("score") == best).forEach(e -> e.put("flag", "red"));
          peers.stream().filter(e -> e.getDouble("score") == worst).forEach(e -> e.put("flag", "black"));
        }
      }
    }
  }
}
