package org.floodready.events;

/**
 * The one rule for an id missing from the event log, for every reader that follows it by id.
 *
 * <p>Ids are drawn at insert, not at commit: a write that took id 7 may commit after the write that took id 8,
 * or roll back. A reader holds back at a missing id and does not guess by the clock: each read also gives its
 * snapshot's horizon ({@link EventLog.Page}). A transaction draws a log id only once it has a transaction id
 * (V21), so whatever took a missing id below a row seen in a snapshot has a transaction id below that
 * snapshot's {@code xmax}. Once a later snapshot's {@code xmin} has passed that {@code xmax}, every such
 * transaction has ended: a missing id still not in the log rolled back. A transaction left open for
 * {@code giveUpMs} (a stuck session holds the horizon) is given up on, so the log is never held for ever.
 * One instance per reader, used from one context.
 */
public final class LogGap {
  /** A gap held this long is held by a stuck session, not by a commit on its way. */
  public static final long GIVE_UP_MS = 120_000;

  public enum Verdict {
    /** a transaction that may fill the gap is still running: wait */
    HOLD,
    /** every transaction that could fill it has ended: the missing ids rolled back */
    ROLLED_BACK,
    /** held for longer than the reader's limit: passed, though the missing write may still commit */
    GIVEN_UP
  }

  private final long giveUpMs;
  /** Missing ids below {@code below} can no longer commit once a snapshot's xmin reaches {@code horizon}. */
  private long below;
  private long horizon;
  private long since;

  public LogGap(long giveUpMs) {
    this.giveUpMs = giveUpMs;
  }

  /**
   * What to do at the ids missing before {@code next}, a row seen in a snapshot with the given horizon.
   *
   * @param nowMs the reader's clock, only for the give-up limit
   */
  public Verdict at(long next, long xmin, long xmax, long nowMs) {
    if (since == 0) {
      since = nowMs;
    }
    if (horizon == 0 || next > below) {
      // whatever took these ids drew them before `next`, which this snapshot sees committed
      horizon = xmax;
      below = next;
    }
    if (xmin >= horizon) {
      return Verdict.ROLLED_BACK;
    }
    return nowMs - since < giveUpMs ? Verdict.HOLD : Verdict.GIVEN_UP;
  }

  /** The reader has moved past the gap (or found none). */
  public void passed() {
    since = 0;
  }

  public boolean open() {
    return since != 0;
  }

  /** How long the current gap has been held. */
  public long heldMs(long nowMs) {
    return since == 0 ? 0 : nowMs - since;
  }
}
