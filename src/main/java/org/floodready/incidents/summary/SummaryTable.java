package org.floodready.incidents.summary;

import java.util.List;
import org.floodready.sheets.Csv;

/** One table of the incident summary, the same in HTML, PDF and CSV. */
record SummaryTable(String id, String title, List<String> columns, List<List<String>> rows) {

  String csv() {
    Csv csv = new Csv().row(columns);
    rows.forEach(csv::row);
    return csv.toString();
  }
}
