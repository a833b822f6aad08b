package org.floodready.dashboard;

/** A chart's figures as read for one data version, with their digest and how long the read took. */
record ChartData(ChartSpec spec, String digest, double readMs) {
}
