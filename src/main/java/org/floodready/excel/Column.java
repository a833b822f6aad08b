package org.floodready.excel;

import java.util.List;

/**
 * One column of an import template: the API field it fills ({@code key}), its Chinese header, the English
 * name put in the header's note, the cell type expected, and for an enumeration the allowed values.
 */
record Column(String key, String zh, String en, Type type, boolean required, List<Option> options, Object example,
    String hint) {

  enum Type { TEXT, INTEGER, DECIMAL, DATE, BOOLEAN, ENUM, MULTI }

  /** An allowed value: the API code and its Chinese label; the drop-down shows "中文 code". */
  record Option(String code, String zh) {
    String label() {
      return zh + " " + code;
    }
  }

  static Column text(String key, String zh, String en, boolean required, Object example, String hint) {
    return new Column(key, zh, en, Type.TEXT, required, List.of(), example, hint);
  }

  static Column of(String key, String zh, String en, Type type, boolean required, Object example, String hint) {
    return new Column(key, zh, en, type, required, List.of(), example, hint);
  }

  static Column choice(String key, String zh, String en, boolean required, List<Option> options, Object example) {
    return new Column(key, zh, en, Type.ENUM, required, options, example, null);
  }

  /**
   * Several values of a fixed set in one cell ("舟艇 boats、潜水 divers"): the drop-down offers them one by one
   * without refusing a list; the reader answers their codes, a value not in the set is a problem of the cell
   * (as for {@link Type#ENUM}), and the domain's validation checks the list.
   */
  static Column multi(String key, String zh, String en, boolean required, List<Option> options, List<String> example) {
    return new Column(key, zh, en, Type.MULTI, required, options, example, null);
  }

  static final List<Option> YES_NO = List.of(new Option("true", "是"), new Option("false", "否"));

  static Column yesNo(String key, String zh, String en, Object example) {
    return new Column(key, zh, en, Type.BOOLEAN, false, YES_NO, example, null);
  }

  /** The header as shown: Chinese, a star when required. */
  String header() {
    return required ? zh + " *" : zh;
  }

  /** The note on the header cell: the English name, the API field and how to fill it. */
  String note() {
    StringBuilder s = new StringBuilder(en).append(" (").append(key).append(")");
    if (required) {
      s.append("\n必填 required");
    }
    switch (type) {
      case DATE -> s.append("\n日期单元格 a date cell, e.g. 2026-05-01");
      case INTEGER -> s.append("\n整数 a whole number");
      case DECIMAL -> s.append("\n数字 a number");
      case ENUM, BOOLEAN -> s.append("\n从下拉列表选择 pick from the list");
      case MULTI -> s.append("\n从下拉列表选择，可填多个，用、或逗号分隔\npick from the list; several separated by 、 or commas");
      default -> { }
    }
    if (hint != null) {
      s.append('\n').append(hint);
    }
    return s.toString();
  }

  /** The option a cell names, by its label, its code or its Chinese name; null when none. */
  Option option(String cell) {
    String v = cell.trim();
    for (Option o : options) {
      if (o.label().equals(v) || o.code().equalsIgnoreCase(v) || o.zh().equals(v)) {
        return o;
      }
    }
    return null;
  }
}
