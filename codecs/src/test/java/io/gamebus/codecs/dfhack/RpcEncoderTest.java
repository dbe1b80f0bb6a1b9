package io.gamebus.codecs.dfhack;

import static io.gamebus.codecs.dfhack.DfhackFixtures.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.gamebus.codecs.dfhack.proto.EmptyMessage;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The encode side of every dfhack.md §14 row, and the encoder's own limits. */
class RpcEncoderTest {

  @Test
  void runCommandLs() {
    Buffer b = RpcEncoder.request(RpcCodes.RUN_COMMAND_ID, CoreRunCommandRequest.newBuilder().setCommand("ls").build());
    assertEquals(DfhackFixtures.RUN_COMMAND_LS, hex(b));
  }

  @Test
  void bindMethodGetVersion() {
    Buffer b = RpcEncoder.request(RpcCodes.BIND_METHOD_ID, CoreMethods.GET_VERSION.toBindRequest());
    assertEquals(DfhackFixtures.BIND_GET_VERSION, hex(b));
  }

  @Test
  void bindReply5() {
    assertEquals(DfhackFixtures.BIND_REPLY_5, hex(RpcEncoder.result(CoreBindReply.newBuilder().setAssignedId(5).build())));
  }

  @Test
  void failNotImplemented() {
    assertEquals(DfhackFixtures.FAIL_NOT_IMPLEMENTED, hex(RpcEncoder.fail(CommandResult.NOT_IMPLEMENTED)));
    assertEquals(DfhackFixtures.FAIL_NOT_IMPLEMENTED, hex(RpcEncoder.fail(-1)));
  }

  @Test
  void textInLightRed() {
    assertEquals(DfhackFixtures.TEXT_X_LIGHTRED, hex(RpcEncoder.text("x\n", TextColor.LIGHTRED)));
  }

  @Test
  void quit() {
    assertEquals(DfhackFixtures.QUIT, hex(RpcEncoder.quit()));
  }

  @Test
  void defaultColourIsLeftOut() {
    // 0A 03 0A 01 'x': one fragment with text only, for null and for COLOR_RESET alike.
    assertEquals("FD FF 00 00 05 00 00 00 0A 03 0A 01 78", hex(RpcEncoder.text("x", null)));
    assertEquals("FD FF 00 00 05 00 00 00 0A 03 0A 01 78", hex(RpcEncoder.text("x", TextColor.COLOR_RESET)));
  }

  @Test
  void colourOutOfRangeRefused() {
    assertThrows(IllegalArgumentException.class, () -> RpcEncoder.text("x", 16));
    assertThrows(IllegalArgumentException.class, () -> RpcEncoder.text("x", -2));
  }

  @Test
  void emptyResultHasZeroSize() {
    assertEquals("FF FF 00 00 00 00 00 00", hex(RpcEncoder.result(EmptyMessage.getDefaultInstance())));
    assertEquals("FF FF 00 00 00 00 00 00", hex(RpcEncoder.result(Buffer.buffer())));
  }

  @Test
  void paddingIsZeroOnOutput() {
    for (Buffer b : new Buffer[] {RpcEncoder.request(32767, Buffer.buffer("abc")), RpcEncoder.fail(Integer.MIN_VALUE),
        RpcEncoder.frame(-32768, Buffer.buffer("z")), RpcEncoder.result(CoreBindReply.newBuilder().setAssignedId(1).build())}) {
      assertEquals(0, b.getShort(2), hex(b));
    }
  }

  @Test
  void requestIdMustBeANonNegativeInt16() {
    assertThrows(IllegalArgumentException.class, () -> RpcEncoder.request(-1, Buffer.buffer()));
    assertThrows(IllegalArgumentException.class, () -> RpcEncoder.request(32768, EmptyMessage.getDefaultInstance()));
    assertThrows(IllegalArgumentException.class, () -> RpcEncoder.frame(40000, Buffer.buffer()));
  }

  @Test
  void frameRoundTripsThroughRpcFrameEncode() {
    assertEquals(DfhackFixtures.FAIL_NOT_IMPLEMENTED, hex(RpcFrame.fail(-1).encode()));
    assertEquals(DfhackFixtures.QUIT, hex(RpcFrame.quit(12345).encode()));
    assertEquals("FD FF 00 00 01 00 00 00 41", hex(RpcFrame.withPayload(RpcCodes.TEXT, Buffer.buffer("A")).encode()));
  }
}
