package org.floodready.board.charts;

import org.floodready.print.CjkFonts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bars by category (and series), with an optional reference line (e.g. the 100% quota) and bars below
 * a threshold drawn in red. {@code colours} names each series' colour (blue, yellow, orange, red, green,
 * grey; null = the default palette); {@code counts} puts whole numbers on the value axis.
 */
public record BarChartSpec(String title, String categoryLabel, String valueLabel, List<Bar> bars,
    Double referenceLine, String referenceLabel, Double redBelow, List<String> colours, boolean counts)
    implements ChartSpec {

  /** Percentages or scores in the default palette. */
  public BarChartSpec(String title, String categoryLabel, String valueLabel, List<Bar> bars, Double referenceLine,
      String referenceLabel, Double redBelow) {
    this(title, categoryLabel, valueLabel, bars, referenceLine, referenceLabel, redBelow, null, false);
  }

  public record Bar(String series, String category, double value) {
  }

  @Override
  public JFreeChart build() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar b : bars) {
      data.addValue(b.value(), b.series(), b.category());
    }
    boolean legend = bars.stream().map(Bar::series).distinct().count() > 1;
    JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
        PlotOrientation.VERTICAL, legend, false, false);
    ChartStyle.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    ThresholdRenderer renderer = new ThresholdRenderer(data, redBelow, referenceLine != null);
    if (colours != null) {
      for (int i = 0; i < colours.size(); i++) {
        renderer.setSeriesPaint(i, LevelChartSpec.colour(colours.get(i)));
      }
    }
    plot.setRenderer(renderer);
    if (counts) {
      plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    }
    if (data.getColumnCount() > 6) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    if (referenceLine != null) {
      ValueMarker line = new ValueMarker(referenceLine, ChartStyle.GREY, ChartStyle.DASHED);
      line.setLabel(referenceLabel);
      line.setLabelFont(CjkFonts.font(Font.PLAIN, 12f));
      line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(line);
      double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
      plot.getRangeAxis().setUpperBound(Math.max(max, referenceLine) * 1.12);
    } else {
      // Room above the tallest bar for its value label, which would otherwise be cut off at the plot's top.
      plot.getRangeAxis().setUpperMargin(0.15);
    }
    return chart;
  }

  /** Series colours, except that a bar below the threshold is red. */
  private static final class ThresholdRenderer extends BarRenderer {
    private final transient DefaultCategoryDataset data;
    private final Double redBelow;
    private final boolean insideLabels;

    /** {@code insideLabels}: values go inside the bar tops, clear of the reference line above them. */
    ThresholdRenderer(DefaultCategoryDataset data, Double redBelow, boolean insideLabels) {
      this.data = data;
      this.redBelow = redBelow;
      this.insideLabels = insideLabels;
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(false);
      setMaximumBarWidth(0.12);
      setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
          new java.text.DecimalFormat("0.#")));
      setDefaultItemLabelsVisible(true);
      setDefaultItemLabelFont(CjkFonts.font(Font.BOLD, 11f));

      for (int i = 0; i < ChartStyle.SERIES.length; i++) {
        setSeriesPaint(i, ChartStyle.SERIES[i]);
      }
    }

    private static final org.jfree.chart.labels.ItemLabelPosition INSIDE = new org.jfree.chart.labels.ItemLabelPosition(
        org.jfree.chart.labels.ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER);
    private static final org.jfree.chart.labels.ItemLabelPosition ABOVE = new org.jfree.chart.labels.ItemLabelPosition(
        org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);

    /** Tall enough (a fifth of the axis) to hold its value label inside its top. */
    private boolean labelInside(int row, int column) {
      Number v = data.getValue(row, column);
      CategoryPlot plot = getPlot();
      double upper = plot == null ? 0 : plot.getRangeAxis().getUpperBound();
      return insideLabels && v != null && upper > 0 && v.doubleValue() / upper > 0.2;
    }

    @Override
    public org.jfree.chart.labels.ItemLabelPosition getPositiveItemLabelPosition(int row, int column) {
      return labelInside(row, column) ? INSIDE : ABOVE;
    }

    /** White on dark bars, black on light ones (yellow) and above a bar, for contrast. */
    @Override
    public Paint getItemLabelPaint(int row, int column) {
      Paint bar = getItemPaint(row, column);
      if (!labelInside(row, column) || !(bar instanceof Color c)) {
        return Color.BLACK;
      }
      double luminance = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
      return luminance > 0.6 ? Color.BLACK : Color.WHITE;
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      Number v = data.getValue(row, column);
      if (redBelow != null && v != null && v.doubleValue() < redBelow) {
        return ChartStyle.RED;
      }
      Paint p = getSeriesPaint(row);
      return p == null ? Color.GRAY : p;
    }
  }
}
