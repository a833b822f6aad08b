package org.floodready.incidents;

import java.util.List;

/**
 * A checked team: every field of a create, or of an edit (which also carries the version it changes); public
 * for the spreadsheet import, which checks its rows with the same {@link TeamValidation}.
 */
public record TeamInput(String name, long unitId, String leaderName, String leaderPhone, int members,
    List<String> specialities, Long baseId, Integer version) {
}
