package org.floodready.events;

/**
 * The one rule for an id missing from the event log, for every reader that follows it by id.
 *
 * <p>Ids are drawn at insert, not at commit: a write that took id 7 may commit after the write that took id 8,
 * or roll back. A reader holds back at a missing id and does not guess by the clock. A transaction draws a log
 * id only once it has a transaction id (V21), so whatever took an id missing below a row seen in a snapshot
 * had its transaction id before that snapshot was taken. A snapshot's own {@code xmax} does not bound it:
 * {@code xmax} is one past the newest transaction that has <em>ended</em>, and a running transaction at or
 * above it is listed nowhere in the snapshot (its {@code xmin} is then {@code xmax} itself). So at a new gap
 * the reader draws a transaction id of its own after that snapshot ({@link EventLog#drawTransactionId}), which
 * is above every id drawn before, and hands it to {@link #horizon}; once a later snapshot's {@code xmin} has
 * passed it, every transaction that could fill the gap has ended: an id still missing rolled back. A
 * transaction left open for {@code giveUpMs} (a stuck session holds {@code xmin}) is given up on, so the log
 * is never held for ever. One instance per reader, used from one context.
 */
public final class LogGap {
  /** A gap held this long is held by a stuck session, not by a commit on its way. */
  public static final long GIVE_UP_MS = 120_000;

  public enum Verdict {
    /** a transaction that may fill the gap is still running: wait */
    HOLD,
    /** a new gap: wait, and hand {@link #horizon} a transaction id drawn after the snapshot that saw it */
    NEEDS_HORIZON,
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
   * What to do at the ids missing before {@code next}, a row seen in a snapshot with the given {@code xmin}.
   *
   * @param nowMs the reader's clock, only for the give-up limit
   */
  public Verdict at(long next, long xmin, long nowMs) {
    if (since == 0) {
      since = nowMs;
    }
    if (wantsHorizon(next)) {
      return Verdict.NEEDS_HORIZON;
    }
    if (xmin >= horizon) {
      return Verdict.ROLLED_BACK;
    }
    return nowMs - since < giveUpMs ? Verdict.HOLD : Verdict.GIVEN_UP;
  }

  /**
   * The horizon of the gap before {@code next}: {@code transactionId} was drawn after the snapshot that saw
   * {@code next}, so whatever took the ids missing below {@code next} has a smaller one.
   */
  public void horizon(long next, long transactionId) {
    if (wantsHorizon(next)) {
      horizon = transactionId;
      below = next;
    }
  }

  /** A horizon read for a later row also holds for the ids missing below an earlier one. */
  private boolean wantsHorizon(long next) {
    return horizon == 0 || next > below;
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
