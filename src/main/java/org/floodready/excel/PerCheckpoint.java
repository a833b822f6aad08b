package org.floodready.excel;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.floodready.excel.ImportRepository.CheckpointRef;

/**
 * A sheet that lists things per checkpoint (its pumps and bases, its inspectors): the rows naming a checkpoint
 * replace all it had; checkpoints the sheet does not name keep theirs. The first row of a checkpoint writes the
 * whole list, its other rows only count, so the progress still moves row by row.
 */
final class PerCheckpoint<T> {
  /** Writes one checkpoint's list inside the import transaction. */
  interface Setter<T> {
    Future<Void> set(ImportTx tx, CheckpointRef checkpoint, List<T> values);
  }

  private final Map<Long, List<T>> lists = new LinkedHashMap<>();
  private final List<Long> rowCheckpoints = new ArrayList<>();
  private final Map<Long, CheckpointRef> refs = new LinkedHashMap<>();

  /** Resolves the row's checkpoint (null when reported). */
  static RowChecks.Refs<CheckpointRef> refs(List<CheckpointRef> all) {
    return new RowChecks.Refs<>("测点", "checkpoint", all, CheckpointRef::code, CheckpointRef::nameZh);
  }

  /** A row that passed, with its value for its checkpoint's list. */
  void add(CheckpointRef checkpoint, T value) {
    refs.put(checkpoint.id(), checkpoint);
    lists.computeIfAbsent(checkpoint.id(), k -> new ArrayList<>()).add(value);
    rowCheckpoints.add(checkpoint.id());
  }

  /** A write per row that passed: the first of each checkpoint sets its list ("set"), the others are "listed". */
  List<ImportKind.Write> writes(Setter<T> setter) {
    List<ImportKind.Write> writes = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    for (Long id : rowCheckpoints) {
      if (done.contains(id)) {
        writes.add(t -> Future.succeededFuture("listed"));
      } else {
        done.add(id);
        writes.add(t -> setter.set(t, refs.get(id), lists.get(id)).map("set"));
      }
    }
    return writes;
  }
}
