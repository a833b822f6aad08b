package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import org.floodready.errors.ApiError;

/** Accepts JPEG, PNG and WebP photos whose bytes are what the Content-Type says, up to a size. */
public final class PhotoCheck {
  public static final List<String> TYPES = List.of("image/jpeg", "image/png", "image/webp");

  private PhotoCheck() {
  }

  /** The largest photo accepted now: the district's {@code photoMaxBytes} patrol rule. */
  public static Future<Integer> maxBytes(SqlClient db) {
    return RulesStore.load(db).map(PatrolRules::photoMaxBytes);
  }

  /** The normalised content type; 415 for another type, 413 when too large, 400 when the bytes disagree. */
  public static String check(String contentTypeHeader, byte[] data, int maxBytes) {
    String type = contentTypeHeader == null ? "" : contentTypeHeader.split(";")[0].trim().toLowerCase();
    if (!TYPES.contains(type)) {
      throw new ApiError(415, "unsupported_media_type",
          "Send the photo as the raw request body with Content-Type image/jpeg, image/png or image/webp", null);
    }
    if (data.length == 0) {
      throw ApiError.invalid("body", "is empty; send the image bytes");
    }
    if (data.length > maxBytes) {
      throw new ApiError(413, "photo_too_large", "The photo has " + data.length + " bytes; at most " + maxBytes
          + " are accepted", null);
    }
    if (!matches(type, data)) {
      throw ApiError.invalid("body", "is not a " + type.substring(6).toUpperCase() + " image");
    }
    return type;
  }

  static boolean matches(String type, byte[] d) {
    return switch (type) {
      case "image/jpeg" -> d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF;
      case "image/png" -> d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
      case "image/webp" -> d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F'
          && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P';
      default -> false;
    };
  }
}
