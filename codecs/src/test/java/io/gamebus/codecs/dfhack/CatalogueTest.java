package io.gamebus.codecs.dfhack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.dfhack.proto.CoreBindRequest;
import io.gamebus.codecs.dfhack.proto.CoreErrorNotification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CoreMethods, MethodSignature, CommandResult and TextColor against dfhack.md §5 and §7. */
class CatalogueTest {

  @Test
  void coreTableIsInIdOrder() {
    List<String> names = CoreMethods.all().stream().map(MethodSignature::method).toList();
    assertEquals(List.of("BindMethod", "RunCommand", "CoreSuspend", "CoreResume", "RunLua", "GetVersion",
        "GetDFVersion", "GetWorldInfo", "ListEnums", "ListJobSkills", "ListMaterials", "ListUnits", "ListSquads",
        "SetUnitLabors"), names);
    assertEquals(CoreMethods.BIND_METHOD, CoreMethods.all().get(RpcCodes.BIND_METHOD_ID));
    assertEquals(CoreMethods.RUN_COMMAND, CoreMethods.all().get(RpcCodes.RUN_COMMAND_ID));
  }

  @Test
  void findCoreAndPluginMethods() {
    assertEquals(Optional.of(CoreMethods.GET_VERSION), CoreMethods.find("", "GetVersion"));
    assertEquals(Optional.of(CoreMethods.GET_VERSION), CoreMethods.find(null, "GetVersion"));
    assertEquals(Optional.of(CoreMethods.RFR_SET_PAUSE_STATE), CoreMethods.find("RemoteFortressReader", "SetPauseState"));
    assertEquals(Optional.empty(), CoreMethods.find("RemoteFortressReader", "GetVersion"));
    assertEquals(Optional.empty(), CoreMethods.find("", "GetPauseState"));
  }

  @Test
  void flagsAsTheRealServer() {
    assertTrue(CoreMethods.loopbackOnly(CoreMethods.RUN_COMMAND));
    assertTrue(CoreMethods.loopbackOnly(CoreMethods.RUN_LUA));
    assertFalse(CoreMethods.loopbackOnly(CoreMethods.GET_VERSION));
    assertEquals(CoreMethods.SF_CALLED_ONCE | CoreMethods.SF_DONT_SUSPEND | CoreMethods.SF_ALLOW_REMOTE,
        CoreMethods.flags(CoreMethods.LIST_ENUMS));
    assertEquals(CoreMethods.SF_ALLOW_REMOTE, CoreMethods.flags(CoreMethods.RFR_GET_PAUSE_STATE));
  }

  @Test
  void bindRequestOmitsEmptyPlugin() {
    CoreBindRequest core = CoreMethods.GET_VERSION.toBindRequest();
    assertFalse(core.hasPlugin());
    assertEquals(CoreMethods.GET_VERSION, MethodSignature.of(core));
    CoreBindRequest plugin = CoreMethods.RFR_GET_VERSION_INFO.toBindRequest();
    assertEquals("RemoteFortressReader", plugin.getPlugin());
    assertEquals(CoreMethods.RFR_GET_VERSION_INFO, MethodSignature.of(plugin));
  }

  @Test
  void signatureNormalisesNullPlugin() {
    MethodSignature m = new MethodSignature(null, "GetVersion", "dfproto.EmptyMessage", "dfproto.StringMessage");
    assertEquals(CoreMethods.GET_VERSION, m);
    assertTrue(m.isCore());
    assertEquals("::GetVersion", m.qualifiedName());
    assertEquals("RemoteFortressReader::GetPauseState", CoreMethods.RFR_GET_PAUSE_STATE.qualifiedName());
  }

  @Test
  void commandResultCodesAndNames() {
    assertEquals(-3, CommandResult.LINK_FAILURE.code());
    assertEquals(3, CommandResult.NOT_FOUND.code());
    assertEquals("CR_NOT_IMPLEMENTED", CommandResult.NOT_IMPLEMENTED.wireName());
    for (CommandResult r : CommandResult.values()) {
      assertEquals(r, CommandResult.of(r.code()));
    }
    assertEquals(CommandResult.FAILURE, CommandResult.of(42));
    assertEquals(CommandResult.FAILURE, CommandResult.of(-4));
  }

  @Test
  void commandResultMatchesTheProtoEnum() {
    for (CoreErrorNotification.ErrorCode c : CoreErrorNotification.ErrorCode.values()) {
      String expected = c == CoreErrorNotification.ErrorCode.CR_WOULD_BREAK ? "CR_NEEDS_CONSOLE" : c.name();
      assertEquals(expected, CommandResult.of(c.getNumber()).wireName());
    }
  }

  @Test
  void textColours() {
    assertEquals("COLOR_LIGHTRED", TextColor.name(TextColor.LIGHTRED));
    assertEquals("COLOR_RESET", TextColor.name(TextColor.COLOR_RESET));
    assertThrows(IllegalArgumentException.class, () -> TextColor.name(16));
  }
}
