package org.floodready.board.charts;

/** A chart's figures as read for one data version, with their digest and how long the read took. */
public record ChartData(ChartSpec spec, String digest, double readMs) {
}
