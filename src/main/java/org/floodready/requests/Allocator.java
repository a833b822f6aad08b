package org.floodready.requests;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.floodready.errors.ApiError;
import org.floodready.inventory.Lot;
import org.floodready.inventory.Quantities;
import org.floodready.inventory.Sourcing;

/**
 * Where the approved quantities come from: the proposal (inventory's {@link Sourcing}: nearest bases first,
 * none below its own quota, lots first-expired-first-out) and the check of what an officer allocates.
 */
final class Allocator {
  /** An approved line still to be sent: {@code need} = approved minus what already left. */
  record Need(long lineId, long itemId, String itemNameZh, BigDecimal approved, BigDecimal dispatched) {
    BigDecimal need() {
      return approved.subtract(dispatched).max(BigDecimal.ZERO);
    }
  }

  /** Where the supplies go: the position to measure from and the base that receives (never a source). */
  record Destination(Double lat, Double lon, Long toBaseId) {
    double latOrNaN() {
      return lat == null ? Double.NaN : lat;
    }

    double lonOrNaN() {
      return lon == null ? Double.NaN : lon;
    }
  }

  private final Sourcing sourcing;

  Allocator(Sourcing sourcing) {
    this.sourcing = sourcing;
  }

  /** Per line: the proposed picks, every base holding usable stock (with its lots) and what stays uncovered. */
  Future<JsonArray> propose(List<Need> needs, Destination to, OffsetDateTime now) {
    List<Long> items = needs.stream().map(Need::itemId).distinct().toList();
    if (items.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    return sourcing.stockAtEveryBase(items, now).compose(stock -> {
      Future<JsonArray> chain = Future.succeededFuture(new JsonArray());
      for (Need n : needs) {
        chain = chain.compose(out -> sourcing.usableLots(null, n.itemId(), now)
            .map(lots -> out.add(proposeLine(n, stock.getOrDefault(n.itemId(), List.of()), lots, to))));
      }
      return chain;
    });
  }

  private static JsonObject proposeLine(Need n, List<Sourcing.Stock> stock, List<Lot> lots, Destination to) {
    Map<Long, List<Lot>> lotsByBase = new LinkedHashMap<>();
    lots.forEach(l -> lotsByBase.computeIfAbsent(l.baseId(), k -> new ArrayList<>()).add(l));
    Sourcing.Plan plan = Sourcing.rank(stock, to.toBaseId(), to.latOrNaN(), to.lonOrNaN(), n.need());
    JsonArray picks = new JsonArray();
    for (Sourcing.Source s : plan.sources()) {
      BigDecimal left = s.suggested();
      for (Lot lot : lotsByBase.getOrDefault(s.stock().base().id(), List.of())) {
        if (left.signum() <= 0) {
          break;
        }
        BigDecimal take = left.min(lot.quantity());
        left = left.subtract(take);
        picks.add(new JsonObject().put("lineId", n.lineId()).put("baseId", lot.baseId())
            .put("baseNameZh", lot.baseNameZh()).put("lotId", lot.id()).put("lotCode", lot.lotCode())
            .put("expiresOn", lot.expiresOn() == null ? null : lot.expiresOn().toString())
            .put("quantity", Quantities.json(take)));
      }
    }
    JsonArray bases = new JsonArray();
    stock.stream().filter(s -> s.usable().signum() > 0 && (to.toBaseId() == null || s.base().id() != to.toBaseId()))
        .sorted(Comparator.comparing((Sourcing.Stock s) -> Sourcing.distanceKm(s.base(), to.lat(), to.lon()),
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(s -> s.base().id()))
        .forEach(s -> {
          Double km = Sourcing.distanceKm(s.base(), to.lat(), to.lon());
          JsonArray baseLots = new JsonArray();
          lotsByBase.getOrDefault(s.base().id(), List.of()).forEach(l -> baseLots.add(new JsonObject()
              .put("lotId", l.id()).put("lotCode", l.lotCode()).put("quantity", Quantities.json(l.quantity()))
              .put("expiresOn", l.expiresOn() == null ? null : l.expiresOn().toString())
              .put("lastTestResult", l.lastTestResult())));
          bases.add(new JsonObject().put("baseId", s.base().id()).put("baseNameZh", s.base().nameZh())
              .put("distanceKm", km == null ? null : Math.round(km * 100) / 100.0)
              .put("usable", Quantities.json(s.usable())).put("ownRequired", Quantities.json(s.required()))
              .put("spare", Quantities.json(s.spare())).put("atQuota", s.spare().signum() <= 0)
              .put("lots", baseLots));
        });
    return new JsonObject().put("lineId", n.lineId()).put("itemId", n.itemId()).put("itemNameZh", n.itemNameZh())
        .put("approved", Quantities.json(n.approved())).put("dispatched", Quantities.json(n.dispatched()))
        .put("need", Quantities.json(n.need())).put("uncovered", Quantities.json(plan.uncovered()))
        .put("picks", picks).put("bases", bases);
  }

  /**
   * Checks an officer's allocation against the approved lines and the stock as it is now; answers the rows
   * to store. 400 for picks that name another item's lot or the receiving base, 422 above what was approved,
   * 409 (with what is available per base) above what is usable or below a base's own quota without a reason.
   */
  Future<List<RequestRepository.NewAllocation>> check(RequestInput.Allocation in, Map<Long, Need> needs,
      Destination to, OffsetDateTime now) {
    Set<Long> lotIds = new LinkedHashSet<>();
    in.picks().forEach(p -> lotIds.add(p.lotId()));
    Future<Map<Long, Lot>> loaded = Future.succeededFuture(new HashMap<>());
    for (long id : lotIds) {
      loaded = loaded.compose(map -> sourcing.lot(id, now).map(lot -> {
        if (lot != null) {
          map.put(id, lot);
        }
        return map;
      }));
    }
    return loaded.compose(lots -> {
      Map<String, String> bad = new LinkedHashMap<>();
      Map<Long, BigDecimal> perLine = new HashMap<>();
      Map<Long, BigDecimal> perLot = new HashMap<>();
      for (int i = 0; i < in.picks().size(); i++) {
        RequestInput.Pick p = in.picks().get(i);
        Need need = needs.get(p.lineId());
        Lot lot = lots.get(p.lotId());
        if (need == null) {
          bad.put("picks[" + i + "].lineId", "is not an approved line of this request");
        } else if (lot == null) {
          bad.put("picks[" + i + "].lotId", "no such lot");
        } else if (lot.itemId() != need.itemId()) {
          bad.put("picks[" + i + "].lotId", "is a lot of " + lot.itemNameZh() + ", not of " + need.itemNameZh());
        } else if (to.toBaseId() != null && lot.baseId() == to.toBaseId()) {
          bad.put("picks[" + i + "].lotId", "is at the receiving base itself");
        } else {
          perLine.merge(p.lineId(), p.quantity(), BigDecimal::add);
          perLot.merge(p.lotId(), p.quantity(), BigDecimal::add);
        }
      }
      if (!bad.isEmpty()) {
        throw ApiError.validation(bad);
      }
      for (Map.Entry<Long, BigDecimal> e : perLine.entrySet()) {
        Need n = needs.get(e.getKey());
        if (e.getValue().compareTo(n.need()) > 0) {
          throw new ApiError(422, "over_approved", n.itemNameZh() + ": " + e.getValue().toPlainString()
              + " allocated but only " + n.need().toPlainString() + " approved and not yet sent",
              Map.of("picks", "at most " + n.need().toPlainString() + " for line " + e.getKey()));
        }
      }
      return sourcing.stockAtEveryBase(needs.values().stream().map(Need::itemId).distinct().toList(), now)
          .map(stock -> rows(in, lots, perLot, stock));
    });
  }

  private static List<RequestRepository.NewAllocation> rows(RequestInput.Allocation in, Map<Long, Lot> lots,
      Map<Long, BigDecimal> perLot, Map<Long, List<Sourcing.Stock>> stock) {
    Map<String, BigDecimal> perBaseItem = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Long, BigDecimal> e : perLot.entrySet()) {
      Lot lot = lots.get(e.getKey());
      perBaseItem.merge(lot.baseId() + "/" + lot.itemId(), e.getValue(), BigDecimal::add);
      if (!lot.usable()) {
        problems.add("lot " + lot.lotCode() + " at " + lot.baseNameZh() + " is not usable (" + lot.notUsableReason() + ")");
      } else if (e.getValue().compareTo(lot.quantity()) > 0) {
        problems.add("lot " + lot.lotCode() + " at " + lot.baseNameZh() + " holds only "
            + Quantities.json(lot.quantity()).toPlainString());
      }
    }
    List<String> belowQuota = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : perBaseItem.entrySet()) {
      String[] key = e.getKey().split("/");
      Sourcing.Stock s = find(stock, Long.parseLong(key[1]), Long.parseLong(key[0]));
      BigDecimal usable = s == null ? BigDecimal.ZERO : s.usable();
      if (e.getValue().compareTo(usable) > 0) {
        problems.add((s == null ? "base " + key[0] : s.base().nameZh()) + " has only "
            + Quantities.json(usable).toPlainString() + " usable");
      } else if (s.required() != null && usable.subtract(e.getValue()).compareTo(s.required()) < 0
          && !in.overrides().containsKey(s.base().id())) {
        belowQuota.add(s.base().nameZh() + " would fall below its own quota of "
            + Quantities.json(s.required()).toPlainString() + " (it can spare " + Quantities.json(s.spare()).toPlainString()
            + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new AllocationRefused("insufficient_stock", "More allocated than is usable: " + String.join("; ", problems),
          Map.of("picks", String.join("; ", problems)), available(stock, perBaseItem));
    }
    if (!belowQuota.isEmpty()) {
      throw new AllocationRefused("below_quota", String.join("; ", belowQuota)
          + ". Take less, or override with a reason for that base", Map.of("overrides", "give a reason for "
          + String.join("; ", belowQuota)), available(stock, perBaseItem));
    }
    List<RequestRepository.NewAllocation> out = new ArrayList<>();
    for (RequestInput.Pick p : in.picks()) {
      Lot lot = lots.get(p.lotId());
      out.add(new RequestRepository.NewAllocation(p.lineId(), lot.baseId(), lot.id(), p.quantity(),
          in.overrides().get(lot.baseId())));
    }
    return out;
  }

  private static Sourcing.Stock find(Map<Long, List<Sourcing.Stock>> stock, long itemId, long baseId) {
    return stock.getOrDefault(itemId, List.of()).stream().filter(s -> s.base().id() == baseId).findFirst()
        .orElse(null);
  }

  /** Every base holding usable stock of the items asked for, with what it may give and what was asked of it. */
  private static JsonArray available(Map<Long, List<Sourcing.Stock>> stock, Map<String, BigDecimal> asked) {
    JsonArray out = new JsonArray();
    stock.forEach((itemId, list) -> list.stream()
        .filter(s -> s.usable().signum() > 0 || asked.containsKey(s.base().id() + "/" + itemId))
        .forEach(s -> out.add(new JsonObject().put("baseId", s.base().id()).put("baseNameZh", s.base().nameZh())
            .put("itemId", itemId).put("usable", Quantities.json(s.usable()))
            .put("ownRequired", Quantities.json(s.required())).put("spare", Quantities.json(s.spare()))
            .put("asked", Quantities.json(asked.get(s.base().id() + "/" + itemId))))));
    return out;
  }
}
