package org.floodready.readiness;

import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.List;
import org.floodready.AppContext;
import org.floodready.db.Where;
import org.floodready.units.UnitRepository;

/**
 * Where readiness reads its inputs: the unit tree and one source per domain (stock coverage,
 * checkpoint states, patrol compliance). Each domain source reads PostgreSQL through that domain's
 * public service; all are read fresh for every recompute.
 */
public final class ReadinessSources {
  /** A domain's contribution, read from PostgreSQL at {@code now}. */
  @FunctionalInterface
  public interface Source<T> {
    Future<List<T>> read(OffsetDateTime now);
  }

  private final UnitRepository units;
  private final Source<StockLine> stock;
  private final Source<CheckpointLine> checkpoints;
  private final Source<PatrolLine> patrols;

  public ReadinessSources(UnitRepository units, Source<StockLine> stock, Source<CheckpointLine> checkpoints,
      Source<PatrolLine> patrols) {
    this.units = units;
    this.stock = stock;
    this.checkpoints = checkpoints;
    this.patrols = patrols;
  }

  /** The sources of the domains this build contains. */
  public static ReadinessSources of(AppContext app) {
    return new ReadinessSources(new UnitRepository(app.pool()), none(), none(), none());
  }

  private static <T> Source<T> none() {
    return now -> Future.succeededFuture(List.of());
  }

  public Future<ReadinessInputs> read(OffsetDateTime now) {
    return units.list(new Where()).compose(u -> stock.read(now)
        .compose(s -> checkpoints.read(now)
            .compose(c -> patrols.read(now)
                .map(p -> new ReadinessInputs(u, s, c, p)))));
  }
}
