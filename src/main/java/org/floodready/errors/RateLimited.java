package org.floodready.errors;

/** 429 with the seconds the client should wait. */
public class RateLimited extends ApiError {
  private final long retryAfterSeconds;

  public RateLimited(String message, long retryAfterSeconds) {
    super(429, "too_many_requests", message, null);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
