package org.floodready.board.charts;

import io.vertx.core.buffer.Buffer;

/**
 * A chart's PNG, ready to send: responses share the one Buffer (each write takes a slice, no copy).
 * {@code renderMs} is JFreeChart's own time: building the chart, drawing it and encoding the PNG.
 */
public record RenderedChart(Buffer png, double renderMs) {
}
