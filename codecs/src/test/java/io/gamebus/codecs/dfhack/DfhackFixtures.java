package io.gamebus.codecs.dfhack;

import io.gamebus.codecs.dfhack.proto.BasicUnitInfo;
import io.gamebus.codecs.dfhack.proto.ListUnitsOut;
import io.gamebus.codecs.dfhack.proto.NameInfo;
import io.gamebus.codecs.dfhack.proto.SkillInfo;
import io.gamebus.codecs.dfhack.proto.UnitMiscTrait;
import io.vertx.core.buffer.Buffer;
import java.util.HexFormat;
import java.util.Random;

/** Byte fixtures of dfhack.md §14 and a realistic ListUnitsOut; shared by tests and the benchmark. */
public final class DfhackFixtures {

  /** §14 RunCommand {@code ls}, no arguments. */
  public static final String RUN_COMMAND_LS = "01 00 00 00 04 00 00 00 0A 02 6C 73";
  /** §14 BindMethod GetVersion (EmptyMessage → StringMessage). */
  public static final String BIND_GET_VERSION = "00 00 00 00 39 00 00 00"
      + " 0A 0A" + ascii("GetVersion") + " 12 14" + ascii("dfproto.EmptyMessage")
      + " 1A 15" + ascii("dfproto.StringMessage");
  /** §14 BindReply with assigned_id 5. */
  public static final String BIND_REPLY_5 = "FF FF 00 00 02 00 00 00 08 05";
  /** §14 FAIL CR_NOT_IMPLEMENTED. */
  public static final String FAIL_NOT_IMPLEMENTED = "FE FF 00 00 FF FF FF FF";
  /** §14 TEXT, one fragment "x\n" in LIGHTRED. */
  public static final String TEXT_X_LIGHTRED = "FD FF 00 00 08 00 00 00 0A 06 0A 02 78 0A 10 0C";
  /** §14 QUIT. */
  public static final String QUIT = "FC FF 00 00 00 00 00 00";
  /** §3 request handshake. */
  public static final String HANDSHAKE_REQUEST = "44 46 48 61 63 6B 3F 0A 01 00 00 00";
  /** §3 reply handshake. */
  public static final String HANDSHAKE_REPLY = "44 46 48 61 63 6B 21 0A 01 00 00 00";

  private static final String[] FIRST = {"Urist", "Kadol", "Doren", "Likot", "Zasit", "Ast", "Mörul",
      "Cerol", "Rigoth", "Tosid"};
  private static final String[] LAST = {"Rakustcog", "Ezumlolok", "Bomrekidok", "Onulmamot",
      "Sazirkadol", "Litastmonom"};
  private static final String[] ENGLISH = {"Clashedtwisted", "Boltlance", "Inkyclasps", "Lashedhelm",
      "Roofedpaddles", "Mirrorrags"};

  private DfhackFixtures() {}

  /** A client handshake with any version, as a hostile or future client would send it. */
  public static Buffer handshakeRequest(int version) {
    return Buffer.buffer("DFHack?\n").appendIntLE(version);
  }

  /** Bytes from spaced hex such as {@code "FE FF 00 00"}. */
  public static Buffer hex(String spaced) {
    return Buffer.buffer(HexFormat.of().parseHex(spaced.replace(" ", "")));
  }

  /** Spaced upper-case hex of a buffer. */
  public static String hex(Buffer b) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b.getBytes());
  }

  /**
   * {@code units} fortress units as ListUnits returns them with every mask bit set: name, flags,
   * position, race and caste, profession, about 10 labors, 8 skills and 2 misc traits each.
   * Deterministic (fixed seed); about 210 bytes per unit.
   */
  public static ListUnitsOut listUnits(int units) {
    Random r = new Random(7);
    ListUnitsOut.Builder out = ListUnitsOut.newBuilder();
    for (int i = 0; i < units; i++) {
      BasicUnitInfo.Builder u = BasicUnitInfo.newBuilder()
          .setUnitId(10_000 + i)
          .setPosX(r.nextInt(192)).setPosY(r.nextInt(192)).setPosZ(100 + r.nextInt(60))
          .setName(NameInfo.newBuilder()
              .setFirstName(FIRST[r.nextInt(FIRST.length)])
              .setLastName(LAST[r.nextInt(LAST.length)])
              .setEnglishName(ENGLISH[r.nextInt(ENGLISH.length)])
              .setLanguageId(r.nextInt(4)))
          .setFlags1(r.nextInt()).setFlags2(r.nextInt()).setFlags3(r.nextInt(1 << 20))
          .setRace(572).setCaste(r.nextInt(2)).setGender(r.nextInt(2))
          .setCivId(310).setHistfigId(50_000 + i)
          .setProfession(r.nextInt(110))
          .setSquadId(i % 10 == 0 ? 3 : -1).setSquadPosition(i % 10 == 0 ? i % 10 : -1);
      for (int l = 0; l < 10; l++) {
        u.addLabors(r.nextInt(94));
      }
      for (int s = 0; s < 8; s++) {
        u.addSkills(SkillInfo.newBuilder().setId(r.nextInt(135)).setLevel(r.nextInt(20))
            .setExperience(r.nextInt(5000)));
      }
      u.addMiscTraits(UnitMiscTrait.newBuilder().setId(r.nextInt(30)).setValue(r.nextInt(10_000)));
      u.addMiscTraits(UnitMiscTrait.newBuilder().setId(r.nextInt(30)).setValue(r.nextInt(10_000)));
      out.addValue(u);
    }
    return out.build();
  }

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(' ').append(String.format("%02X", (int) c));
    }
    return b.toString();
  }
}
