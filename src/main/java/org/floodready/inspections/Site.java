package org.floodready.inspections;

import java.util.List;

/** A place a round inspects: a supply base, a reservoir, a waterlogging point or a river reach. */
record Site(String kind, long id, String nameZh, String nameEn, long unitId, Double lat, Double lon, Long reachId) {
  static final List<String> KINDS = List.of("base", "reservoir", "waterlogging", "reach");
}
