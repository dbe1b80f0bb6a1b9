package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FafStreamReaderTest {

  private static final String STREAM = FafFixtures.WELCOME + "\n" + FafFixtures.GAME_STATE + "\r\n"
      + FafFixtures.ICE_MSG + "\n";

  private final List<String> types = new ArrayList<>();

  @Test
  void splitAtEveryOffset() throws Exception {
    for (int cut = 0; cut <= STREAM.length(); cut++) {
      types.clear();
      FafStreamReader reader = new FafStreamReader(10 * 1024 * 1024);
      reader.feed(buffer(STREAM.substring(0, cut)), m -> types.add(m.type()));
      int first = types.size();
      reader.feed(buffer(STREAM.substring(cut)), m -> types.add(m.type()));
      assertEquals(List.of("welcome", "game.GameState", "game.IceMsg"), types, "cut " + cut);
      long complete = STREAM.substring(0, cut).chars().filter(c -> c == '\n').count();
      assertEquals(complete, first, "nothing early, cut " + cut);
      assertEquals(0, reader.pendingBytes());
    }
  }

  @Test
  void crlfLineDecodes() throws Exception {
    new FafStreamReader(100).feed(buffer("{\"command\":\"ping\"}\r\n"), m -> types.add(m.type()));
    assertEquals(List.of("ping"), types);
  }

  @Test
  void blankLineIsGarbageAsForTheRealServer() {
    // json.loads(b"".strip()) fails in the real server, which then drops the connection.
    FafCodecException e = assertThrows(FafCodecException.class,
        () -> new FafStreamReader(100).feed(buffer("{\"command\":\"ping\"}\n\n"), m -> types.add(m.type())));
    assertEquals(FafCodecException.Reason.NOT_JSON, e.reason());
    assertEquals(List.of("ping"), types);
  }

  @Test
  void messageWithoutNewlineStaysPending() throws Exception {
    FafStreamReader reader = new FafStreamReader(100);
    reader.feed(buffer("{\"command\":\"ping\"}"), m -> types.add(m.type()));
    assertEquals(List.of(), types);
    assertEquals(18, reader.pendingBytes());
  }

  @Test
  void badLineStopsTheStreamAfterEarlierMessages() {
    FafStreamReader reader = new FafStreamReader(100);
    FafCodecException e = assertThrows(FafCodecException.class,
        () -> reader.feed(buffer("{\"command\":\"ping\"}\nnot json\n{\"command\":\"pong\"}\n"), m -> types.add(m.type())));
    assertEquals(Reason.NOT_JSON, e.reason());
    assertEquals(List.of("ping"), types);
  }

  @Test
  void lineOverLimitFails() {
    FafStreamReader reader = new FafStreamReader(20);
    assertEquals(Reason.LINE_TOO_LONG, assertThrows(FafCodecException.class,
        () -> reader.feed(buffer("{\"command\":\"pingpong\"}\n"), m -> types.add(m.type()))).reason());
  }
}
