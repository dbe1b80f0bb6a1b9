package io.gamebus.codecs.dfhack;

import static io.gamebus.codecs.dfhack.DfhackFixtures.hex;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.dfhack.DfhackCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class HandshakeTest {

  @Test
  void requestBytes() {
    assertEquals(DfhackFixtures.HANDSHAKE_REQUEST, hex(Handshake.request()));
  }

  @Test
  void replyBytes() {
    assertEquals(DfhackFixtures.HANDSHAKE_REPLY, hex(Handshake.reply()));
  }

  @Test
  void version1Accepted() throws Exception {
    assertEquals(1, Handshake.parseRequest(Handshake.request()));
  }

  @Test
  void version255Accepted() throws Exception {
    assertEquals(255, Handshake.parseRequest(DfhackFixtures.handshakeRequest(255)));
  }

  @Test
  void version0Refused() {
    assertBad(() -> Handshake.parseRequest(DfhackFixtures.handshakeRequest(0)));
  }

  @Test
  void version256Refused() {
    assertBad(() -> Handshake.parseRequest(DfhackFixtures.handshakeRequest(256)));
  }

  @Test
  void negativeVersionRefused() {
    assertBad(() -> Handshake.parseRequest(DfhackFixtures.handshakeRequest(-1)));
  }

  @Test
  void replyMagicIsNotARequest() {
    assertBad(() -> Handshake.parseRequest(Handshake.reply()));
  }

  @Test
  void wrongMagicRefused() {
    assertBad(() -> Handshake.parseRequest(hex("44 46 48 61 63 6B 3F 0D 01 00 00 00")));
    assertBad(() -> Handshake.parseRequest(Buffer.buffer("GET / HTTP/1.1\r\n")));
  }

  @Test
  void shortInputRefused() {
    assertBad(() -> Handshake.parseRequest(hex("44 46 48 61 63 6B 3F 0A 01 00 00")));
  }

  @Test
  void clientAcceptsOnlyReplyVersion1() {
    assertDoesNotThrow(() -> Handshake.checkReply(Handshake.reply()));
    assertBad(() -> Handshake.checkReply(hex("44 46 48 61 63 6B 21 0A 02 00 00 00")));
    assertBad(() -> Handshake.checkReply(hex("44 46 48 61 63 6B 21 0A 00 00 00 00")));
  }

  @Test
  void clientRefusesRequestMagic() {
    assertBad(() -> Handshake.checkReply(Handshake.request()));
  }

  private static void assertBad(org.junit.jupiter.api.function.Executable call) {
    assertEquals(Reason.BAD_HANDSHAKE, assertThrows(DfhackCodecException.class, call).reason());
  }
}
