package io.gamebus.codecs.rpfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpfmJsonTest {

  private static Object parse(String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return RpfmJson.parse(b, 0, b.length);
  }

  private static String ints(int from, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append(i == 0 ? "" : ",").append(from + i);
    }
    return b.toString();
  }

  @Test
  void decodesVertxTypes() throws IOException {
    JsonObject o = (JsonObject) parse("{\"s\":\"é\",\"i\":1,\"l\":5000000000,\"b\":18446744073709551615,"
        + "\"d\":1.5,\"t\":true,\"n\":null,\"a\":[1,\"x\",[2]],\"o\":{}}");
    assertEquals(List.of("s", "i", "l", "b", "d", "t", "n", "a", "o"), new ArrayList<>(o.fieldNames()));
    assertEquals("é", o.getValue("s"));
    assertEquals(1, o.getValue("i"));
    assertEquals(5_000_000_000L, o.getValue("l"));
    assertEquals(new BigInteger("18446744073709551615"), o.getValue("b"));
    assertEquals(1.5, o.getValue("d"));
    assertEquals(new JsonArray().add(1).add("x").add(new JsonArray().add(2)), o.getValue("a"));
  }

  @Test
  void keepsLongIntArraysPackedAndEqualToOrdinaryOnes() throws IOException {
    JsonArray packed = (JsonArray) parse("[" + ints(0, 100) + "]");
    assertInstanceOf(IntList.class, packed.getList());
    JsonArray plain = new JsonArray();
    for (int i = 0; i < 100; i++) {
      plain.add(i);
    }
    assertEquals(plain, packed);
    assertEquals(packed, plain);
    assertEquals(plain.hashCode(), packed.hashCode());
    assertEquals(plain.encode(), packed.encode());
    assertEquals(plain, packed.copy());
  }

  @Test
  void mixedAndShortArraysAreOrdinaryLists() throws IOException {
    JsonArray mixed = (JsonArray) parse("[" + ints(0, 100) + ",\"x\",3000000000]");
    assertInstanceOf(ArrayList.class, mixed.getList());
    assertEquals(102, mixed.size());
    assertEquals("x", mixed.getValue(100));
    assertEquals(3_000_000_000L, mixed.getValue(101));
    assertInstanceOf(ArrayList.class, ((JsonArray) parse("[1,2,3]")).getList());
    assertEquals(new JsonArray(), parse("[]"));
  }

  @Test
  void packedListsStayMutable() throws IOException {
    JsonArray a = (JsonArray) parse("[" + ints(0, 64) + "]");
    a.set(0, 7).add(64).remove(1);
    assertEquals(64, a.size());
    assertEquals(7, a.getValue(0));
    assertEquals(2, a.getValue(1));
    assertEquals(64, a.getValue(63));
    a.add("x"); // switches to objects
    a.set(1, new JsonObject());
    a.getList().add(0, null);
    assertEquals(66, a.size());
    assertEquals(null, a.getValue(0));
    assertEquals(7, a.getValue(1));
    assertEquals(new JsonObject(), a.getValue(2));
    assertEquals("x", a.getValue(65));
    a.remove(65);
    a.clear();
    assertEquals(0, a.size());
  }

  @Test
  void refusesWhatIsNotOneJsonValue() {
    for (String bad : List.of("", "[1,2", "{\"a\":1} 2", "[1,]", "{\"a\"}", "tru")) {
      assertThrows(IOException.class, () -> parse(bad), bad);
    }
    byte[] latin1 = {'"', (byte) 0xE9, '"'};
    assertThrows(IOException.class, () -> RpfmJson.parse(latin1, 0, latin1.length));
  }
}
