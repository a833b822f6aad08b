package org.floodready.events;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of what a write can say happened, with what each event touches. The readiness refresh,
 * the chart versions and the scope cache read it here and nowhere else.
 *
 * <p>{@link Reach} is what the readiness refresh reads again: {@code BASE} one base's lines (the event
 * names {@code unitId} and {@code baseId}; coverage charts then re-read that base only), {@code UNIT} the
 * unit's lines ({@code unitId} null: every unit), {@code NONE} nothing. {@link Chart} lists the chart
 * sources whose figures the event changes ({@code LEVELS}: the level chart of the event's
 * {@code checkpointId}). A type missing here (a feature newer than the catalogue) refreshes its unit,
 * moves every chart and keeps the scope cache.
 */
public enum EventType {
  STOCK_CHANGED("stock.changed", Reach.BASE, Chart.COVERAGE),
  STOCK_TESTED("stock.tested", Reach.BASE, Chart.COVERAGE),
  STOCKTAKE_CLOSED("stocktake.closed", Reach.BASE, Chart.COVERAGE),
  QUOTA_CHANGED("quota.changed", Reach.BASE, Chart.COVERAGE),
  TRANSFER_CHANGED("transfer.changed", Reach.UNIT, Chart.COVERAGE),
  RESPONSE_LEVEL_CHANGED("response_level.changed", Reach.UNIT, Chart.COVERAGE),
  UNIT_CREATED("unit.created", Reach.UNIT, true, Chart.COMPLIANCE),
  PATROL_LOGGED("patrol.logged", Reach.UNIT, Chart.COMPLIANCE),
  HAZARD_CHANGED("hazard.changed", Reach.UNIT, Chart.COMPLIANCE, Chart.HAZARDS),
  CHECKPOINT_CHANGED("checkpoint.changed", Reach.UNIT, Chart.LEVELS),
  READING_RECORDED("reading.recorded", Reach.UNIT, Chart.LEVELS),
  ALERT_RAISED("alert.raised", Reach.UNIT),
  ALERT_ACKNOWLEDGED("alert.acknowledged", Reach.UNIT),
  ALERT_ESCALATED("alert.escalated", Reach.UNIT),
  ALERT_RESOLVED("alert.resolved", Reach.UNIT),
  DUTY_CHANGED("duty.changed", Reach.UNIT),
  /** A CAP message withdrawn (Cancel): the alert panels only; the alert itself and readiness are unchanged. */
  ALERT_CAP_WITHDRAWN("alert.cap_withdrawn", Reach.NONE),
  NOTIFY_RULES_CHANGED("notify.rules.changed", Reach.NONE),
  INCIDENT_CHANGED("incident.changed", Reach.NONE),
  /** Supplies issued to or returned from an incident; the stock itself moves with its own stock.changed. */
  INCIDENT_SUPPLIES("incident.supplies", Reach.NONE),
  /** Standby rescue teams count in readiness (their unit's teams component). */
  TEAM_CHANGED("team.changed", Reach.UNIT),
  TEAM_REQUIREMENT_CHANGED("team_requirement.changed", Reach.UNIT),
  REQUEST_CHANGED("request.changed", Reach.NONE),
  DISPATCH_CHANGED("dispatch.changed", Reach.NONE),
  /** A unit's readiness entry changed: written by the readiness refresh itself, never by a domain write. */
  READINESS("readiness", Reach.NONE, Chart.READINESS);

  /** What the readiness refresh reads again after the event. */
  public enum Reach { BASE, UNIT, NONE }

  /** The chart data sources an event can move. */
  public enum Chart { COVERAGE, COMPLIANCE, HAZARDS, LEVELS, READINESS }

  private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

  private final String wireName;
  private final Reach reach;
  private final boolean changesScopes;
  private final Set<Chart> charts;

  EventType(String wireName, Reach reach, Chart... charts) {
    this(wireName, reach, false, charts);
  }

  EventType(String wireName, Reach reach, boolean changesScopes, Chart... charts) {
    this.wireName = wireName;
    this.reach = reach;
    this.changesScopes = changesScopes;
    this.charts = charts.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(charts[0], charts));
  }

  /** The type as it is stored in live_events and sent as the SSE event name, e.g. "stock.changed". */
  public String wireName() {
    return wireName;
  }

  public Reach reach() {
    return reach;
  }

  /** Whether who-sees-which-unit may have changed (the scope cache is dropped). */
  public boolean changesScopes() {
    return changesScopes;
  }

  public Set<Chart> charts() {
    return charts;
  }

  public static Optional<EventType> of(String wireName) {
    return Optional.ofNullable(wireName == null ? null : BY_NAME.get(wireName));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
