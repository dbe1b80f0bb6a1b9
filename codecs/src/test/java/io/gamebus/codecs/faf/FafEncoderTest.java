package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FafEncoderTest {

  private static String text(Buffer b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void compactSessionBytesExact() {
    assertArrayEquals("{\"command\":\"session\",\"session\":42}\n".getBytes(StandardCharsets.US_ASCII),
        FafEncoder.encode(FafMessages.session(42)).getBytes());
  }

  @Test
  void gameMessageBytesExact() {
    assertEquals(FafFixtures.GAME_STATE + "\n", text(FafEncoder.encode(FafFixtures.game("GameState", "Lobby"))));
  }

  @Test
  void serverMessagesRoundTripByteForByte() throws Exception {
    for (String line : new String[] {FafFixtures.WELCOME, FafFixtures.GAME_STATE, FafFixtures.ICE_MSG}) {
      assertEquals(line + "\n", text(FafEncoder.encode(FafFixtures.decode(buffer(line)))));
    }
  }

  @Test
  void gameInfoRoundTripsToEqualJson() throws Exception {
    // hosted_at re-encodes as 1.708776000123456E9: the same double, Java's notation (see FafEncoder).
    String line = FafFixtures.gameInfoList(10);
    FafMessage decoded = FafFixtures.decode(buffer(line));
    assertEquals(decoded, FafFixtures.decode(FafEncoder.encode(decoded)));
    assertEquals(new JsonObject(line), decoded.json());
  }

  @Test
  void unknownFieldsSurviveReEncoding() throws Exception {
    String line = "{\"command\":\"auth\",\"token\":\"t\",\"x-extension\":{\"a\":[1,2]},\"flag\":false}";
    assertEquals(line + "\n", text(FafEncoder.encode(FafFixtures.decode(buffer(line)))));
  }

  @Test
  void newlinesInsideStringsAreEscapedSoFramingHolds() {
    Buffer b = FafEncoder.encode(FafMessages.notice("info", "line one\nline two \"quoted\""));
    assertEquals("{\"command\":\"notice\",\"style\":\"info\",\"text\":\"line one\\nline two \\\"quoted\\\"\"}\n", text(b));
    assertEquals(b.length() - 1, text(b).indexOf('\n'));
  }

  @Test
  void nonAsciiIsUtf8() {
    Buffer b = FafEncoder.encode(FafMessages.authenticationFailed("Grüße"));
    assertEquals("{\"command\":\"authentication_failed\",\"text\":\"Grüße\"}\n", text(b));
  }

  @Test
  void plainMapsAndListsInsideAreEncoded() throws Exception {
    JsonObject json = new JsonObject().put("command", "x").put("m", java.util.Map.of("k", 1))
        .put("l", java.util.List.of(true)).put("a", new JsonArray().addNull());
    assertEquals("{\"command\":\"x\",\"m\":{\"k\":1},\"l\":[true],\"a\":[null]}\n", text(FafEncoder.encode(FafMessage.of(json))));
  }

  @Test
  void encoderIsTheClientOfTheStreamReader() throws Exception {
    Buffer wire = Buffer.buffer();
    FafMessage[] sent = {FafMessages.ping(), FafFixtures.game("IceMsg", 1, new JsonObject().put("c", "d")),
        FafMessages.socialDefaults()};
    for (FafMessage m : sent) {
      wire.appendBuffer(FafEncoder.encode(m));
    }
    java.util.List<FafMessage> got = new java.util.ArrayList<>();
    new FafStreamReader(1024).feed(wire, got::add);
    assertEquals(java.util.List.of(sent), got);
  }
}
