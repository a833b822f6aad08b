package org.floodready.inventory;

/**
 * The coverage lines of one base, one item category and one kind of item (null: items of no kind) added
 * up in PostgreSQL: Σ weight (criticality, 1 when not set), Σ weight × usable/required capped to 0..1,
 * the lines short of their quota, and Σ usable (not below 0), Σ required, Σ min(usable, required). The
 * sums are exact (numeric) until the one conversion to double, so they do not depend on the order the
 * lines are read in.
 */
public record CoverageSum(long unitId, long baseId, String category, String kind, double weight, double weighted,
    int shortLines, double usable, double required, double usableCapped) {
}
