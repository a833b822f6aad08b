package org.floodready.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.floodready.contract.ApiContract;
import org.floodready.errors.ApiError;
import org.floodready.contract.ContractValidation;

/** The contract's check of a request body, for tests of a validation class without a server. */
public final class Contract {
  private static ContractValidation validation;

  private Contract() {
  }

  /** 400 naming the wrong fields, as the server answers before the handler runs; else nothing. */
  public static void check(String operationId, JsonObject body) {
    Map<String, String> errors = validation().bodyErrors(operationId, body);
    if (!errors.isEmpty()) {
      throw ApiError.validation(errors);
    }
  }

  private static synchronized ContractValidation validation() {
    if (validation == null) {
      Vertx vertx = Vertx.vertx();
      try {
        validation = new ContractValidation(ApiContract.load(vertx).await().contract());
      } finally {
        vertx.close();
      }
    }
    return validation;
  }
}
