package org.floodready.patrols;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.floodready.errors.ApiError;

/**
 * The life of a hazard: reported → assigned → rectifying → rectified → closed (销号), with
 * reopen from rectified or closed back to rectifying. Anything else is a 409.
 */
public final class HazardWorkflow {
  public static final String REPORTED = "reported";
  public static final String ASSIGNED = "assigned";
  public static final String RECTIFYING = "rectifying";
  public static final String RECTIFIED = "rectified";
  public static final String CLOSED = "closed";
  public static final List<String> STATUSES = List.of(REPORTED, ASSIGNED, RECTIFYING, RECTIFIED, CLOSED);
  /** Statuses whose deadline is running: these become overdue and get shortened under warnings. */
  public static final List<String> RUNNING = List.of(ASSIGNED, RECTIFYING);

  public static final List<String> TYPES = List.of("water_body", "water_surface", "channel", "bank",
      "water_activity", "outfall", "signboard", "structure", "seepage_piping", "bank_collapse", "blocked_culvert",
      "inspection");
  public static final List<String> SEVERITIES = List.of("low", "medium", "high");

  /** action → (statuses it may start from, status it leads to). */
  public record Transition(Set<String> from, String to) {
  }

  public static final Map<String, Transition> ACTIONS = Map.of(
      "assign", new Transition(Set.of(REPORTED, ASSIGNED), ASSIGNED),
      "start", new Transition(Set.of(ASSIGNED), RECTIFYING),
      "rectify", new Transition(Set.of(RECTIFYING), RECTIFIED),
      "verify", new Transition(Set.of(RECTIFIED), CLOSED),
      "reopen", new Transition(Set.of(RECTIFIED, CLOSED), RECTIFYING));

  private HazardWorkflow() {
  }

  /** The status after {@code action}, or 409 if the hazard's status does not allow it. */
  public static String next(String status, String action) {
    Transition t = ACTIONS.get(action);
    if (t == null) {
      throw new IllegalArgumentException("unknown action " + action);
    }
    if (!t.from().contains(status)) {
      throw ApiError.conflict("invalid_transition", "Cannot " + action + " a hazard that is " + status
          + "; allowed from " + String.join(" or ", t.from().stream().sorted().toList()));
    }
    return t.to();
  }
}
