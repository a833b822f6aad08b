package org.floodready.board.charts;

import org.floodready.print.CjkFonts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A measured value over time (a reservoir's water level, a waterlogging point's depth), with an optional
 * step line that changes by day (the flood-limit level of each day), fixed levels drawn as labelled lines,
 * and bands (e.g. between the flood-control high level and the design flood level).
 */
public record LevelChartSpec(String title, String valueLabel, ZoneId zone, String seriesLabel, List<Point> points,
    String stepLabel, List<Point> step, List<Line> lines, List<Band> bands) implements ChartSpec {

  public record Point(Instant at, double value) {
  }

  /** A fixed level; colour is one of blue, yellow, orange, red, grey. */
  public record Line(String label, double value, String colour) {
  }

  public record Band(String label, double from, double to, String colour) {
  }

  @Override
  public JFreeChart build() {
    TimeSeriesCollection measured = new TimeSeriesCollection(series(seriesLabel, points));
    JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, valueLabel, measured, true, false, false);
    ChartStyle.apply(chart);
    XYPlot plot = chart.getXYPlot();
    DateAxis time = (DateAxis) plot.getDomainAxis();
    time.setTimeZone(TimeZone.getTimeZone(zone));
    time.setDateFormatOverride(dateFormat());
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, points.size() < 60);
    line.setSeriesPaint(0, ChartStyle.BLUE);
    line.setSeriesStroke(0, new BasicStroke(2.5f));
    plot.setRenderer(0, line);
    if (step != null && !step.isEmpty()) {
      plot.setDataset(1, new TimeSeriesCollection(series(stepLabel, step)));
      XYStepRenderer steps = new XYStepRenderer();
      steps.setSeriesPaint(0, ChartStyle.ORANGE);
      steps.setSeriesStroke(0, ChartStyle.DASHED);
      plot.setRenderer(1, steps);
    }
    double lo = points.stream().mapToDouble(Point::value).min().orElse(0);
    double hi = points.stream().mapToDouble(Point::value).max().orElse(1);
    for (Band b : bands) {
      IntervalMarker band = new IntervalMarker(b.from(), b.to(), translucent(colour(b.colour())));
      band.setLabel(b.label());
      band.setLabelFont(CjkFonts.font(Font.PLAIN, 12f));
      band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addRangeMarker(band, Layer.BACKGROUND);
      lo = Math.min(lo, b.from());
      hi = Math.max(hi, b.to());
    }
    for (Line l : lines) {
      ValueMarker marker = new ValueMarker(l.value(), colour(l.colour()), new BasicStroke(1.8f));
      marker.setLabel(l.label());
      marker.setLabelFont(CjkFonts.font(Font.PLAIN, 12f));
      marker.setLabelPaint(colour(l.colour()).darker());
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(marker);
      lo = Math.min(lo, l.value());
      hi = Math.max(hi, l.value());
    }
    for (Point p : step == null ? List.<Point>of() : step) {
      lo = Math.min(lo, p.value());
      hi = Math.max(hi, p.value());
    }
    double pad = Math.max((hi - lo) * 0.08, 0.05);
    plot.getRangeAxis().setRange(lo - pad, hi + pad);
    return chart;
  }

  private java.text.SimpleDateFormat dateFormat() {
    java.text.SimpleDateFormat f = new java.text.SimpleDateFormat("MM-dd HH:mm");
    f.setTimeZone(TimeZone.getTimeZone(zone));
    return f;
  }

  private static TimeSeries series(String label, List<Point> pts) {
    TimeSeries s = new TimeSeries(label == null ? "" : label);
    for (Point p : pts) {
      s.addOrUpdate(new FixedMillisecond(Date.from(p.at())), p.value());
    }
    return s;
  }

  static Color colour(String name) {
    return switch (name == null ? "" : name) {
      case "blue" -> ChartStyle.BLUE;
      case "yellow" -> ChartStyle.YELLOW;
      case "orange" -> ChartStyle.ORANGE;
      case "red" -> ChartStyle.RED;
      case "green" -> ChartStyle.GREEN;
      default -> ChartStyle.GREY;
    };
  }

  private static Color translucent(Color c) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), 40);
  }
}
