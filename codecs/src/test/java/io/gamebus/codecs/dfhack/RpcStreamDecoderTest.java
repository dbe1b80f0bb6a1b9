package io.gamebus.codecs.dfhack;

import static io.gamebus.codecs.dfhack.DfhackFixtures.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.dfhack.DfhackCodecException.Reason;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.codecs.dfhack.proto.CoreBindRequest;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.gamebus.codecs.dfhack.proto.CoreTextFragment;
import io.gamebus.codecs.dfhack.proto.CoreTextNotification;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Framing: the decode side of dfhack.md §14, splits, limits and malformed input. */
class RpcStreamDecoderTest {

  // A client's whole conversation: handshake, BindMethod, RunCommand, QUIT.
  private static final Buffer CLIENT_STREAM = Buffer.buffer()
      .appendBuffer(Handshake.request())
      .appendBuffer(hex(DfhackFixtures.BIND_GET_VERSION))
      .appendBuffer(hex(DfhackFixtures.RUN_COMMAND_LS))
      .appendBuffer(hex(DfhackFixtures.QUIT));
  // What the decoder must report, each with the stream offset at which it is complete.
  private static final List<String> CLIENT_EVENTS = List.of("handshake 1",
      "0/57 " + hex(hex(DfhackFixtures.BIND_GET_VERSION).slice(8, 65)), "1/4 0A 02 6C 73", "-4/0 ");
  private static final int[] CLIENT_ENDS = {12, 12 + 65, 12 + 65 + 12, 12 + 65 + 12 + 8};

  // A server's answers: handshake, BindReply, TEXT, FAIL, an empty RESULT.
  private static final Buffer SERVER_STREAM = Buffer.buffer()
      .appendBuffer(Handshake.reply())
      .appendBuffer(hex(DfhackFixtures.BIND_REPLY_5))
      .appendBuffer(hex(DfhackFixtures.TEXT_X_LIGHTRED))
      .appendBuffer(hex(DfhackFixtures.FAIL_NOT_IMPLEMENTED))
      .appendBuffer(hex("FF FF 00 00 00 00 00 00"));
  private static final List<String> SERVER_EVENTS = List.of("handshake 1", "-1/2 08 05",
      "-3/8 0A 06 0A 02 78 0A 10 0C", "fail -1", "-1/0 ");
  private static final int[] SERVER_ENDS = {12, 22, 38, 46, 54};

  private final List<String> events = new ArrayList<>();
  private final List<RpcFrame> frames = new ArrayList<>();

  private void feed(RpcStreamDecoder d, Buffer chunk) throws DfhackCodecException {
    d.feed(chunk, v -> events.add("handshake " + v), f -> {
      frames.add(f);
      events.add(f.isFail() ? "fail " + f.failCode() : f.id() + "/" + f.size() + " " + hex(f.payload()));
    });
  }

  @Test
  void clientStreamInOneBuffer() throws Exception {
    RpcStreamDecoder d = RpcStreamDecoder.server(RpcCodes.MAX_PAYLOAD);
    feed(d, CLIENT_STREAM);
    assertEquals(CLIENT_EVENTS, events);
    assertEquals(0, d.pendingBytes());
    assertTrue(d.quit());
  }

  @Test
  void section14RequestsDecodeToTheirMessages() throws Exception {
    feed(RpcStreamDecoder.server(RpcCodes.MAX_PAYLOAD), CLIENT_STREAM);
    CoreBindRequest bind = (CoreBindRequest) DfhackTypes.parse("dfproto.CoreBindRequest", frames.get(0).payload());
    assertEquals(CoreMethods.GET_VERSION, MethodSignature.of(bind));
    assertTrue(frames.get(0).id() >= 0); // a call: the id is a function id
    CoreRunCommandRequest run = (CoreRunCommandRequest) DfhackTypes.parse("dfproto.CoreRunCommandRequest", frames.get(1).payload());
    assertEquals("ls", run.getCommand());
    assertEquals(0, run.getArgumentsCount());
    assertTrue(frames.get(2).isQuit());
  }

  @Test
  void section14RepliesDecodeToTheirMessages() throws Exception {
    RpcStreamDecoder d = RpcStreamDecoder.client(RpcCodes.MAX_PAYLOAD);
    feed(d, SERVER_STREAM);
    assertEquals(SERVER_EVENTS, events);
    assertTrue(frames.get(0).isResult());
    assertEquals(5, ((CoreBindReply) DfhackTypes.parse("dfproto.CoreBindReply", frames.get(0).payload())).getAssignedId());
    assertTrue(frames.get(1).isText());
    CoreTextNotification text = (CoreTextNotification) DfhackTypes.parse("dfproto.CoreTextNotification", frames.get(1).payload());
    assertEquals("x\n", text.getFragments(0).getText());
    assertEquals(CoreTextFragment.Color.COLOR_LIGHTRED, text.getFragments(0).getColor());
    assertTrue(frames.get(2).isFail());
    assertEquals(CommandResult.NOT_IMPLEMENTED, CommandResult.of(frames.get(2).failCode()));
    assertEquals(0, frames.get(2).payload().length());
    assertEquals(0, d.pendingBytes());
  }

  @Test
  void splitAtEveryOffsetClientStream() throws Exception {
    splitAtEveryOffset(() -> RpcStreamDecoder.server(RpcCodes.MAX_PAYLOAD), CLIENT_STREAM, CLIENT_EVENTS, CLIENT_ENDS);
  }

  @Test
  void splitAtEveryOffsetServerStream() throws Exception {
    splitAtEveryOffset(() -> RpcStreamDecoder.client(RpcCodes.MAX_PAYLOAD), SERVER_STREAM, SERVER_EVENTS, SERVER_ENDS);
  }

  private void splitAtEveryOffset(Supplier<RpcStreamDecoder> factory, Buffer stream, List<String> expected, int[] ends)
      throws Exception {
    for (int cut = 0; cut <= stream.length(); cut++) {
      events.clear();
      RpcStreamDecoder d = factory.get();
      feed(d, stream.slice(0, cut));
      assertEquals(expected.subList(0, completeAt(ends, cut)), events, "nothing early, cut " + cut);
      feed(d, stream.slice(cut, stream.length()));
      assertEquals(expected, events, "cut " + cut);
      assertEquals(0, d.pendingBytes(), "nothing left over, cut " + cut);
      assertTrue(d.atFrameBoundary(), "cut " + cut);
    }
  }

  @Test
  void splitAtEveryPairOfOffsets() throws Exception {
    int n = SERVER_STREAM.length();
    for (int a = 0; a <= n; a++) {
      for (int b = a; b <= n; b++) {
        events.clear();
        RpcStreamDecoder d = RpcStreamDecoder.client(RpcCodes.MAX_PAYLOAD);
        feed(d, SERVER_STREAM.slice(0, a));
        feed(d, SERVER_STREAM.slice(a, b));
        assertEquals(SERVER_EVENTS.subList(0, completeAt(SERVER_ENDS, b)), events, "cuts " + a + "," + b);
        feed(d, SERVER_STREAM.slice(b, n));
        assertEquals(SERVER_EVENTS, events, "cuts " + a + "," + b);
        assertEquals(0, d.pendingBytes());
      }
    }
  }

  @Test
  void oneByteAtATime() throws Exception {
    RpcStreamDecoder d = RpcStreamDecoder.server(RpcCodes.MAX_PAYLOAD);
    for (int i = 0; i < CLIENT_STREAM.length(); i++) {
      feed(d, CLIENT_STREAM.slice(i, i + 1));
      assertEquals(CLIENT_EVENTS.subList(0, completeAt(CLIENT_ENDS, i + 1)), events, "byte " + i);
    }
    assertEquals(0, d.pendingBytes());
  }

  @Test
  void severalFramesInOneBufferAfterTheHandshake() throws Exception {
    RpcStreamDecoder d = RpcStreamDecoder.server(RpcCodes.MAX_PAYLOAD);
    feed(d, Handshake.request());
    Buffer three = Buffer.buffer();
    for (int i = 0; i < 3; i++) {
      three.appendBuffer(hex(DfhackFixtures.RUN_COMMAND_LS));
    }
    feed(d, three);
    assertEquals(List.of("handshake 1", "1/4 0A 02 6C 73", "1/4 0A 02 6C 73", "1/4 0A 02 6C 73"), events);
  }

  @Test
  void handshakeVersionIsReported() throws Exception {
    feed(RpcStreamDecoder.server(100), DfhackFixtures.handshakeRequest(255));
    assertEquals(List.of("handshake 255"), events);
  }

  @Test
  void badHandshakeFailsTheStream() {
    RpcStreamDecoder d = RpcStreamDecoder.server(100);
    DfhackCodecException e = assertThrows(DfhackCodecException.class, () -> feed(d, DfhackFixtures.handshakeRequest(256)));
    assertEquals(Reason.BAD_HANDSHAKE, e.reason());
    assertFalse(d.handshakeDone());
    assertSame(e, assertThrows(DfhackCodecException.class, () -> feed(d, hex(DfhackFixtures.QUIT))));
  }

  @Test
  void clientRefusesReplyVersion2() {
    assertEquals(Reason.BAD_HANDSHAKE, assertThrows(DfhackCodecException.class,
        () -> feed(RpcStreamDecoder.client(100), hex("44 46 48 61 63 6B 21 0A 02 00 00 00"))).reason());
  }

  @Test
  void payloadExactlyAtLimitPasses() throws Exception {
    RpcStreamDecoder d = server(16);
    feed(d, RpcEncoder.request(7, Buffer.buffer(new byte[16])));
    assertEquals(16, frames.get(0).payload().length());
  }

  @Test
  void payloadOneOverLimitIsBadSize() throws Exception {
    RpcStreamDecoder d = server(16);
    DfhackCodecException e = assertThrows(DfhackCodecException.class, () -> feed(d, hex("07 00 00 00 11 00 00 00")));
    assertEquals(Reason.BAD_SIZE, e.reason());
    assertTrue(frames.isEmpty());
  }

  @Test
  void realLimitIs64MiBInclusive() throws Exception {
    RpcStreamDecoder d = server(RpcCodes.MAX_PAYLOAD);
    feed(d, hex("07 00 00 00 00 00 00 04")); // 67,108,864: accepted, waiting for the payload
    assertEquals(0, d.pendingBytes());
    assertFalse(d.atFrameBoundary());
    RpcStreamDecoder over = server(RpcCodes.MAX_PAYLOAD);
    assertEquals(Reason.BAD_SIZE, assertThrows(DfhackCodecException.class,
        () -> feed(over, hex("07 00 00 00 01 00 00 04"))).reason());
  }

  @Test
  void negativeSizeIsBadSize() throws Exception {
    RpcStreamDecoder d = server(100);
    assertEquals(Reason.BAD_SIZE, assertThrows(DfhackCodecException.class,
        () -> feed(d, hex("01 00 00 00 FF FF FF FF"))).reason());
    RpcStreamDecoder c = client(100);
    assertEquals(Reason.BAD_SIZE, assertThrows(DfhackCodecException.class,
        () -> feed(c, hex("FF FF 00 00 FE FF FF FF"))).reason());
  }

  @Test
  void failWithNegativeCodePasses() throws Exception {
    RpcStreamDecoder d = client(100);
    feed(d, hex("FE FF 00 00 FD FF FF FF FE FF 00 00 00 00 00 80"));
    assertEquals(List.of("fail -3", "fail " + Integer.MIN_VALUE), events.subList(1, 3));
  }

  @Test
  void failIdFromAClientIsSizedLikeAnyOtherId() throws Exception {
    // The real server checks the size before looking at the id: FE FF with size -1 closes.
    RpcStreamDecoder d = server(100);
    assertEquals(Reason.BAD_SIZE, assertThrows(DfhackCodecException.class,
        () -> feed(d, hex(DfhackFixtures.FAIL_NOT_IMPLEMENTED))).reason());
    RpcStreamDecoder ok = server(100);
    feed(ok, hex("FE FF 00 00 01 00 00 00 2A"));
    RpcFrame f = frames.get(0);
    assertFalse(f.isFail());
    assertTrue(f.id() < 0);
    assertEquals("2A", hex(f.payload()));
  }

  @Test
  void quitWithGarbageSizeHasNoPayload() throws Exception {
    RpcStreamDecoder d = server(100);
    feed(d, hex("FC FF AB CD 78 56 34 12"));
    assertTrue(frames.get(0).isQuit());
    assertEquals(0x12345678, frames.get(0).size());
    assertEquals(0, frames.get(0).payload().length());
    assertEquals(0, d.pendingBytes());
  }

  @Test
  void bytesAfterQuitAreDiscarded() throws Exception {
    RpcStreamDecoder d = server(100);
    feed(d, hex(DfhackFixtures.QUIT + " " + DfhackFixtures.RUN_COMMAND_LS));
    feed(d, hex("01 00 00 00 FF FF FF FF"));
    assertEquals(1, frames.size());
    assertTrue(d.quit());
  }

  @Test
  void quitFromAServerIsAnUnknownIdReadBySize() throws Exception {
    RpcStreamDecoder c = client(100);
    // id -4 with a 2-byte payload, then a RESULT: the client reads past it, as the real one does.
    feed(c, hex("FC FF 00 00 02 00 00 00 AA BB FF FF 00 00 00 00 00 00"));
    assertEquals(2, frames.size());
    assertFalse(frames.get(0).isResult());
    assertTrue(frames.get(1).isResult());
    assertFalse(c.quit());
  }

  @Test
  void hugeExponentInAJsonNumberIsRefusedCheaply() {
    io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject().put("race", "1e999999999");
    assertEquals(DfhackCodecException.Reason.UNDECODABLE,
        assertThrows(DfhackCodecException.class, () -> DfhackTypes.fromJson("dfproto.ListUnitsIn", json)).reason());
  }

  @Test
  void paddingBytesAreIgnoredOnInput() throws Exception {
    RpcStreamDecoder d = server(100);
    feed(d, hex("01 00 DE AD 04 00 00 00 0A 02 6C 73"));
    RpcStreamDecoder c = client(100);
    feed(c, hex("FE FF 5A A5 FF FF FF FF"));
    assertEquals(List.of("handshake 1", "1/4 0A 02 6C 73", "handshake 1", "fail -1"), events);
  }

  @Test
  void emptyPayloadFrameComesOutWithItsHeader() throws Exception {
    RpcStreamDecoder d = server(100);
    feed(d, hex("05 00 00 00 00 00 00 00"));
    assertEquals(List.of("5/0 "), events.subList(1, 2));
    assertEquals(0, d.pendingBytes());
  }

  @Test
  void partialPayloadStaysPending() throws Exception {
    RpcStreamDecoder d = server(100);
    feed(d, hex("01 00 00 00 04 00 00 00 0A 02"));
    assertTrue(frames.isEmpty());
    assertEquals(2, d.pendingBytes());
    assertFalse(d.atFrameBoundary());
    feed(d, hex("6C 73"));
    assertTrue(d.atFrameBoundary());
  }

  @Test
  void callbackExceptionLeavesTheDecoderUnusable() throws Exception {
    RpcStreamDecoder d = server(100);
    assertThrows(IllegalStateException.class, () -> d.feed(hex(DfhackFixtures.RUN_COMMAND_LS), v -> { },
        f -> { throw new IllegalStateException("boom"); }));
    assertThrows(IllegalStateException.class, () -> feed(d, hex(DfhackFixtures.RUN_COMMAND_LS)));
  }

  @Test
  void limitMustBeWithinTheRealMaximum() {
    assertThrows(IllegalArgumentException.class, () -> RpcStreamDecoder.server(-1));
    assertThrows(IllegalArgumentException.class, () -> RpcStreamDecoder.client(RpcCodes.MAX_PAYLOAD + 1));
  }

  private RpcStreamDecoder server(int max) throws DfhackCodecException {
    return started(RpcStreamDecoder.server(max), Handshake.request());
  }

  private RpcStreamDecoder client(int max) throws DfhackCodecException {
    return started(RpcStreamDecoder.client(max), Handshake.reply());
  }

  private RpcStreamDecoder started(RpcStreamDecoder d, Buffer handshake) throws DfhackCodecException {
    feed(d, handshake);
    frames.clear();
    return d;
  }

  private static int completeAt(int[] ends, int offset) {
    int n = 0;
    while (n < ends.length && ends[n] <= offset) {
      n++;
    }
    return n;
  }
}
