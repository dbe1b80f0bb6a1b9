package io.gamebus.bridge;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The err frames, as the stock bridge writes them where it has one. */
class BridgeErrorsTest {

  /** A bus failure without a message reached the page as the text "null", where the stock bridge writes null. */
  @Test
  void aReplyFailureWithoutAMessageIsWrittenAsTheStockBridgeWritesIt() {
    OutFrame err = BridgeErrors.replyFailure("r1", new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 7, null));
    assertEquals(new JsonObject().put("type", "err").put("address", "r1").put("failureCode", 7)
      .put("failureType", "RECIPIENT_FAILURE").putNull("message"), new JsonObject(err.text()));
  }
}
