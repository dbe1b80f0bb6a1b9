package io.gamebus.codecs.dfhack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real server's core method table (dfhack.md §7) in id order, and the RemoteFortressReader
 * methods gamebus knows. On a fresh connection core ids are the indices of {@link #all()}; plugin
 * ids are assigned after them when first bound.
 */
public final class CoreMethods {

  /** The method's table entry is reset after each call (buffer reuse only). */
  public static final int SF_CALLED_ONCE = 1;
  /** The server does not pause the game while running the method. */
  public static final int SF_DONT_SUSPEND = 2;
  /** Callable from peers other than 127.0.0.1. */
  public static final int SF_ALLOW_REMOTE = 4;

  /** The name of the RemoteFortressReader plugin, as BindMethod's {@code plugin}. */
  public static final String RFR_PLUGIN = "RemoteFortressReader";

  private static final String EMPTY = "dfproto.EmptyMessage";
  private static final String INT = "dfproto.IntMessage";
  private static final String STRING = "dfproto.StringMessage";

  public static final MethodSignature BIND_METHOD = core("BindMethod", "dfproto.CoreBindRequest", "dfproto.CoreBindReply");
  public static final MethodSignature RUN_COMMAND = core("RunCommand", "dfproto.CoreRunCommandRequest", EMPTY);
  public static final MethodSignature CORE_SUSPEND = core("CoreSuspend", EMPTY, INT);
  public static final MethodSignature CORE_RESUME = core("CoreResume", EMPTY, INT);
  public static final MethodSignature RUN_LUA = core("RunLua", "dfproto.CoreRunLuaRequest", "dfproto.StringListMessage");
  public static final MethodSignature GET_VERSION = core("GetVersion", EMPTY, STRING);
  public static final MethodSignature GET_DF_VERSION = core("GetDFVersion", EMPTY, STRING);
  public static final MethodSignature GET_WORLD_INFO = core("GetWorldInfo", EMPTY, "dfproto.GetWorldInfoOut");
  public static final MethodSignature LIST_ENUMS = core("ListEnums", EMPTY, "dfproto.ListEnumsOut");
  public static final MethodSignature LIST_JOB_SKILLS = core("ListJobSkills", EMPTY, "dfproto.ListJobSkillsOut");
  public static final MethodSignature LIST_MATERIALS = core("ListMaterials", "dfproto.ListMaterialsIn", "dfproto.ListMaterialsOut");
  public static final MethodSignature LIST_UNITS = core("ListUnits", "dfproto.ListUnitsIn", "dfproto.ListUnitsOut");
  public static final MethodSignature LIST_SQUADS = core("ListSquads", "dfproto.ListSquadsIn", "dfproto.ListSquadsOut");
  public static final MethodSignature SET_UNIT_LABORS = core("SetUnitLabors", "dfproto.SetUnitLaborsIn", EMPTY);

  public static final MethodSignature RFR_GET_VERSION_INFO = rfr("GetVersionInfo", EMPTY, "RemoteFortressReader.VersionInfo");
  public static final MethodSignature RFR_GET_PAUSE_STATE = rfr("GetPauseState", EMPTY, "RemoteFortressReader.SingleBool");
  public static final MethodSignature RFR_SET_PAUSE_STATE = rfr("SetPauseState", "RemoteFortressReader.SingleBool", EMPTY);

  private static final List<MethodSignature> CORE = List.of(BIND_METHOD, RUN_COMMAND, CORE_SUSPEND,
      CORE_RESUME, RUN_LUA, GET_VERSION, GET_DF_VERSION, GET_WORLD_INFO, LIST_ENUMS, LIST_JOB_SKILLS,
      LIST_MATERIALS, LIST_UNITS, LIST_SQUADS, SET_UNIT_LABORS);
  private static final List<MethodSignature> RFR = List.of(RFR_GET_VERSION_INFO, RFR_GET_PAUSE_STATE,
      RFR_SET_PAUSE_STATE);

  // Registration flags of the real server (RemoteTools.cpp, remotefortressreader.cpp).
  private static final Map<MethodSignature, Integer> FLAGS = Map.ofEntries(
      Map.entry(BIND_METHOD, SF_DONT_SUSPEND | SF_ALLOW_REMOTE),
      Map.entry(RUN_COMMAND, SF_DONT_SUSPEND),
      Map.entry(CORE_SUSPEND, SF_DONT_SUSPEND | SF_ALLOW_REMOTE),
      Map.entry(CORE_RESUME, SF_DONT_SUSPEND | SF_ALLOW_REMOTE),
      Map.entry(RUN_LUA, 0),
      Map.entry(GET_VERSION, SF_DONT_SUSPEND | SF_ALLOW_REMOTE),
      Map.entry(GET_DF_VERSION, SF_DONT_SUSPEND | SF_ALLOW_REMOTE),
      Map.entry(GET_WORLD_INFO, SF_ALLOW_REMOTE),
      Map.entry(LIST_ENUMS, SF_CALLED_ONCE | SF_DONT_SUSPEND | SF_ALLOW_REMOTE),
      Map.entry(LIST_JOB_SKILLS, SF_CALLED_ONCE | SF_DONT_SUSPEND | SF_ALLOW_REMOTE),
      Map.entry(LIST_MATERIALS, SF_CALLED_ONCE | SF_ALLOW_REMOTE),
      Map.entry(LIST_UNITS, SF_ALLOW_REMOTE),
      Map.entry(LIST_SQUADS, SF_ALLOW_REMOTE),
      Map.entry(SET_UNIT_LABORS, SF_ALLOW_REMOTE),
      Map.entry(RFR_GET_VERSION_INFO, SF_ALLOW_REMOTE),
      Map.entry(RFR_GET_PAUSE_STATE, SF_ALLOW_REMOTE),
      Map.entry(RFR_SET_PAUSE_STATE, SF_ALLOW_REMOTE));

  private CoreMethods() {}

  /** The 14 core methods in id order: {@code all().get(id)} for ids 0..13. */
  public static List<MethodSignature> all() {
    return CORE;
  }

  /** A known core or RemoteFortressReader method by plugin ("" or null = core) and name. */
  public static Optional<MethodSignature> find(String plugin, String method) {
    List<MethodSignature> table = plugin == null || plugin.isEmpty() ? CORE : RFR;
    return table.stream().filter(m -> m.sameMethod(plugin, method)).findFirst();
  }

  /**
   * The real server's SF_* flags for a method in these tables; {@link #SF_ALLOW_REMOTE} for any
   * other signature (what plugins use).
   */
  static int flags(MethodSignature method) {
    return FLAGS.getOrDefault(method, SF_ALLOW_REMOTE);
  }

  /** Whether the real server lets only 127.0.0.1 call this method (RunCommand, RunLua). */
  public static boolean loopbackOnly(MethodSignature method) {
    return (flags(method) & SF_ALLOW_REMOTE) == 0;
  }

  private static MethodSignature core(String method, String in, String out) {
    return MethodSignature.core(method, in, out);
  }

  private static MethodSignature rfr(String method, String in, String out) {
    return new MethodSignature(RFR_PLUGIN, method, in, out);
  }
}
