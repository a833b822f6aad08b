package org.floodready.inventory;

/** An item as far as telling its kind goes: its category, code and names. */
public record ItemName(long id, String category, String code, String nameZh, String nameEn) {
}
