package io.gamebus.bridge;

import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.PageDriver;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console as a network panel, in headless Chromium: both directions (.in, and .sent envelopes
 * published here as the endpoint will), .status in the same timeline, filters, expansion with copy,
 * pause that buffers up to its bound, what survives a reload, rate sparklines, and the connections
 * table whose Close goes through the bridge (and what the page says when the bridge refuses it).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 150, timeUnit = TimeUnit.SECONDS)
class ConsolePanelTest {

  private static final String ENTRIES = "#traffic-rows tr.entry";
  /**
   * The .sent envelopes this test publishes have types starting with this, so the real ones (once
   * the endpoints publish .sent) are told apart.
   */
  private static final String SIM = "sim-";
  private static final String SIMULATED = ENTRIES + "[data-kind=sent][data-type^=" + SIM + "]";

  @TempDir
  Path dir;

  @Test
  void theTimelineShowsBothDirectionsAndStatusFiltersExpandsPausesAndRemembers(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, null);
    try (PageDriver page = PageDriver.start()) {
      open(page, node);
      FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
      String connection = firstInRow(vertx, page, client);

      // The connection-opened status event is in the same timeline, with its node.
      page.await("document.querySelector('" + ENTRIES + "[data-kind=status][data-type=connection-opened]')"
        + "?.getAttribute('data-node') === '" + node.nodeId() + "'");
      publishSent(vertx, connection, 1, new JsonObject().put("command", "session").put("session", 42));
      publishSent(vertx, connection, 2, new JsonObject().put("command", "notice").put("text", "needle-123"));
      String sentRow = page.await("(() => { const r = document.querySelector('" + SIMULATED + "[data-seq=\"1\"]');"
        + " return r && Array.from(r.cells).map(c => c.textContent).join('|'); })()");
      assertTrue(sentRow.contains("sent →|" + node.nodeId() + "|faf.lobby|" + connection + "|" + SIM + "session|1|"), sentRow);
      assertTrue(page.await("document.querySelector('" + ENTRIES + "[data-kind=in] td:nth-child(2)')?.textContent").contains("in ←"));

      // Filters: body text, connection, kind, endpoint.
      page.fill("#filter-text", "needle");
      assertEquals(1, visible(page));
      page.fill("#filter-text", "");
      page.fill("#filter-connection", "nobody");
      assertEquals(0, visible(page));
      page.fill("#filter-connection", connection);
      page.run("CHECK #filter-status\tfalse");
      assertEquals(0, count(page, ENTRIES + "[data-kind=status]:not([hidden])"));
      assertTrue(count(page, ENTRIES + "[data-kind=in]:not([hidden])") >= 1);
      page.run("CHECK #filter-in\tfalse");
      page.fill("#filter-type", SIM);
      assertEquals(2, visible(page), "the two sent envelopes");
      page.run("SELECT #filter-endpoint\tfaf.lobby");

      // A row expands to the pretty-printed envelope; Copy puts it on the clipboard.
      page.click(SIMULATED + "[data-seq=\"1\"]");
      String pretty = page.await("document.querySelector('#traffic-rows tr.detail pre.json')?.textContent");
      JsonObject shown = new JsonObject((String) io.vertx.core.json.Json.decodeValue(pretty));
      assertEquals(42, shown.getJsonObject("body").getInteger("session"));
      assertTrue(((String) io.vertx.core.json.Json.decodeValue(pretty)).contains("\n  \"connection\": "), pretty);
      page.click("#traffic-rows tr.detail button.copy");
      page.await("document.querySelector('#traffic-rows tr.detail .copy-result')?.textContent === 'copied'");
      assertEquals(shown, new JsonObject((String) io.vertx.core.json.Json.decodeValue(page.run("CLIPBOARD"))));

      // Pause buffers (shown as a count) instead of dropping; Resume shows what was buffered.
      page.click("#pause");
      for (int seq = 3; seq <= 5; seq++) {
        publishSent(vertx, connection, seq, new JsonObject().put("command", "notice"));
      }
      page.await("Number(document.getElementById('pause-state').getAttribute('data-buffered')) >= 3");
      assertEquals(2, count(page, SIMULATED));
      page.click("#pause");
      page.await("document.querySelectorAll('" + SIMULATED + "').length === 5");
      assertTrue(page.eval("document.getElementById('pause-state').textContent").toString().startsWith("resumed — "));

      // Past the bound the oldest buffered are dropped, and the page says how many.
      page.click("#pause");
      for (int seq = 6; seq < 6 + TIMELINE_PAUSE_LIMIT + 5; seq++) {
        publishSent(vertx, connection, seq, new JsonObject());
      }
      page.await("Number(document.getElementById('pause-state').getAttribute('data-dropped')) >= 5");
      assertEquals("\"" + TIMELINE_PAUSE_LIMIT + "\"", page.run("EVAL document.getElementById('pause-state').getAttribute('data-buffered')"));
      assertTrue(page.eval("document.getElementById('pause-state').textContent").toString()
        .matches("paused — 1000 new buffered \\(at most 1000; past that the oldest buffered are dropped: \\d+ dropped so far\\)"));

      // The rates: both directions counted in the endpoint's sparkline.
      String spark = page.await("(() => { const s = document.querySelector('#endpoint-rows td.rate[data-key=\"faf.lobby\"] svg.spark');"
        + " return s && Number(s.getAttribute('data-sent')) >= 5 && Number(s.getAttribute('data-in')) >= 1"
        + " && s.querySelector('.spark-sent').getAttribute('points').split(' ').length; })()");
      assertEquals("60", spark);

      // Filters and pause survive a reload; the buffer does not.
      page.fill("#filter-text", "needle");
      page.run("RELOAD");
      page.await("document.getElementById('bridge-state').textContent === 'connected'");
      assertEquals("needle", page.eval("document.getElementById('filter-text').value"));
      assertEquals(connection, page.eval("document.getElementById('filter-connection').value"));
      assertEquals("faf.lobby", page.eval("document.getElementById('filter-endpoint').value"));
      assertEquals(false, page.eval("document.getElementById('filter-in').checked"));
      assertEquals("true", page.eval("document.getElementById('pause').getAttribute('aria-pressed')"));
      assertEquals(java.util.List.of(), page.pageErrors());
    }
  }

  @Test
  void theConnectionsTableListsThePlayerAndClosesThroughTheBus(Vertx vertx) throws Exception {
    Tokens tokens = new Tokens(vertx, dir);
    GamebusNode node = start(vertx, tokens);
    try (PageDriver page = PageDriver.start()) {
      FafTestClient player = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
      player.send(FafMessage.command("auth").with("unique_id", "u").with("token", tokens.lobby(7, "alice")));
      player.next("game_info").await(10, TimeUnit.SECONDS);
      open(page, node);
      String row = page.await("(() => { const r = document.querySelector('#connection-rows tr[data-connection]');"
        + " return r && Array.from(r.cells).map(c => c.textContent).join('|'); })()");
      assertTrue(row.contains("faf.lobby|" + node.nodeId() + "-") && row.contains("|" + node.nodeId() + "|tcp 127.0.0.1:")
        && row.contains("|player alice #7|") && row.matches(".*\\|1 / \\d+\\|.*"), row);

      page.click("#connection-rows button.close-connection");
      assertEquals("Confirm close", page.eval("document.querySelector('#connection-rows button.close-connection').textContent"));
      page.click("#connection-rows button.close-connection");
      String result = page.await("(() => { const o = document.getElementById('connections-result');"
        + " return o.getAttribute('data-outcome') === 'ok' && o.textContent; })()");
      assertTrue(result.endsWith("{\\\"closed\\\":1}\""), result);
      player.closed().await(10, TimeUnit.SECONDS);
      String closed = page.await("document.querySelector('" + ENTRIES + "[data-kind=status][data-type=connection-closed] td.body')?.textContent");
      assertEquals("\"closed by gamebus, status 1000 (closed by an operator: closed from the gamebus console)\"", closed);
      page.await("document.querySelector('#connection-rows tr.empty')?.textContent === 'no open connections'");
      assertEquals(java.util.List.of(), page.pageErrors());
    }
  }

  @Test
  void whenTheBridgeDoesNotPermitCloseThePageSaysSo(Vertx vertx) throws Exception {
    JsonArray inbound = new JsonArray().add(new JsonObject().put("addressRegex", "gamebus\\.[^.]+\\.[^.]+\\.(out|request|connections)"));
    GamebusNode node = start(vertx, null, inbound);
    try (PageDriver page = PageDriver.start()) {
      FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
      open(page, node);
      page.await("document.querySelector('#connection-rows button.close-connection')");
      page.click("#connection-rows button.close-connection");
      page.click("#connection-rows button.close-connection");
      String result = page.await("(() => { const o = document.getElementById('connections-result');"
        + " return o.getAttribute('data-outcome') === 'failure' && o.textContent; })()");
      assertTrue(result.contains("failure 403 ACCESS_DENIED") && result.contains("is not permitted (bridge.inbound)"), result);
      assertTrue(!client.isClosed(), "the connection stays open");
    }
  }

  @Test
  void aBroadcastSaysHowManyItReachedAndBodyTextMatchesWhatWasWritten(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, null);
    try (PageDriver page = PageDriver.start()) {
      open(page, node);
      // The bridge does not acknowledge registrations: publish until the first one shows.
      for (int seq = 1; page.eval("document.querySelector('" + SIMULATED + "') ? 1 : null") == null; seq++) {
        publishSent(vertx, "probe", seq, new JsonObject().put("command", "probe"));
        Thread.sleep(100);
      }
      JsonObject broadcast = new JsonObject().put("protocol", "faf").put("endpoint", "lobby").putNull("connection")
        .put("type", SIM + "notice").put("seq", 1000).put("ts", System.currentTimeMillis()).put("recipients", 3)
        .put("body", new JsonObject().put("command", "notice").put("text", "say \"gg\" now\\o/"));
      vertx.eventBus().publish("gamebus.faf.lobby.sent", broadcast);
      String cell = page.await("(c => c && '[' + c.textContent + ']')(document.querySelector('" + SIMULATED + "[data-seq=\"1000\"] td.conn'))");
      assertEquals("\"[all (3)]\"", cell, "a broadcast names no connection: it says how many it reached");

      page.fill("#filter-text", "say \"gg\" now\\o/");
      assertEquals(1, visible(page), "the text as written, quotes and backslash included");

      // Peer-chosen strings are text, never markup.
      String markup = "<img src=x onerror=\"window.injected=1\">";
      vertx.eventBus().publish("gamebus.faf.lobby.sent", broadcast.copy().put("seq", 1001).put("type", SIM + markup)
        .put("connection", markup).put("body", new JsonObject().put("text", markup)));
      page.fill("#filter-text", "");
      assertEquals("\"" + SIM + markup.replace("\"", "\\\"") + "\"",
        page.await("document.querySelector('" + SIMULATED + "[data-seq=\"1001\"] td:nth-child(6)')?.textContent"));
      assertEquals(null, page.eval("document.querySelector('#traffic-rows img') || window.injected || null"));
      assertEquals(java.util.List.of(), page.pageErrors());
    }
  }

  @Test
  void aCloseAwaitingConfirmationSurvivesTheTablesRefresh(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, null);
    try (PageDriver page = PageDriver.start()) {
      FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
      open(page, node);
      page.await("document.querySelector('#connection-rows button.close-connection')");
      page.click("#connection-rows button.close-connection");
      // The table is redrawn every few seconds: here at once, and the row drawn anew.
      page.eval("document.querySelector('#connection-rows tr[data-connection]').drawnBefore = true");
      page.click("#connections-refresh");
      page.await("(r => r && !r.drawnBefore)(document.querySelector('#connection-rows tr[data-connection]'))");
      assertEquals("Confirm close", page.eval("document.querySelector('#connection-rows button.close-connection').textContent"),
        "the first click still counts after a refresh");
      page.click("#connection-rows button.close-connection");
      page.await("document.getElementById('connections-result').getAttribute('data-outcome') === 'ok'");
      client.closed().await(10, TimeUnit.SECONDS);
      assertEquals(java.util.List.of(), page.pageErrors());
    }
  }

  @Test
  void afterTheBridgeDropsTheTimelineIsLiveAgainWithoutDuplicates(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx, null);
    try (PageDriver page = PageDriver.start()) {
      open(page, node);
      FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(5, TimeUnit.SECONDS);
      firstInRow(vertx, page, client);
      // Drop the page's transport: the bridge object is the one whose next ping goes through _write.
      page.eval("(() => { const p = GamebusBridge.prototype, w = p._write; p._write = function (f) {"
        + " p._write = w; const r = w.call(this, f); window.dropped = true; this.conn.close(); return r; }; })()");
      page.eval("(() => { const s = document.getElementById('bridge-state'); window.states = [];"
        + " new MutationObserver(() => window.states.push(s.textContent)).observe(s, { childList: true, characterData: true, subtree: true }); })()");
      page.await("window.dropped === true");
      page.await("window.states.includes('disconnected') && document.getElementById('bridge-state').textContent === 'connected'");
      // Each message the peer sends now shows exactly once (a duplicate would come before the next row).
      long before = ((Number) page.eval("document.querySelectorAll('" + ENTRIES + "[data-kind=in][data-type=ask_session]').length")).intValue();
      for (int attempt = 0; attempt < 40 && count(page, ENTRIES + "[data-kind=in][data-type=ask_session]") == before; attempt++) {
        client.send(FafMessage.command("ask_session").with("user_agent", "again"));
        client.next("session").await(5, TimeUnit.SECONDS);
        Thread.sleep(250);
      }
      client.send(FafMessage.command("ask_session").with("user_agent", "last"));
      client.next("session").await(5, TimeUnit.SECONDS);
      String seqs = page.await("(() => { const rows = Array.from(document.querySelectorAll('" + ENTRIES + "[data-kind=in]'));"
        + " if (!rows.some(r => r.entry.body.user_agent === 'last')) return null;"
        + " return rows.map(r => r.getAttribute('data-seq')).join(','); })()");
      String[] all = seqs.replace("\"", "").split(",");
      assertEquals(all.length, java.util.Set.of(all).size(), "no envelope twice: " + seqs);
      assertEquals(java.util.List.of(), page.pageErrors());
    }
  }

  /** js/timeline.js PAUSE_LIMIT. */
  private static final int TIMELINE_PAUSE_LIMIT = 1000;

  private GamebusNode start(Vertx vertx, Tokens tokens, JsonArray... inbound) throws Exception {
    Tokens t = tokens != null ? tokens : new Tokens(vertx, dir);
    JsonObject json = TestConfigs.node(TestConfigs.fafServer("lobby", t.secretFile())).toJson();
    if (inbound.length > 0) {
      json.getJsonObject("bridge").put("inbound", inbound[0]);
    }
    return GamebusNode.start(vertx, GamebusConfig.fromJson(json)).await(10, TimeUnit.SECONDS);
  }

  private static void open(PageDriver page, GamebusNode node) throws InterruptedException {
    page.run("GOTO " + node.console().url());
    // a previous test's preferences are in another browser profile: each driver starts clean
    page.await("document.getElementById('bridge-state').textContent === 'connected'");
  }

  /** Sends ask_session until its row appears (the bridge does not acknowledge registrations); its connection. */
  private static String firstInRow(Vertx vertx, PageDriver page, FafTestClient client) throws Exception {
    for (int attempt = 0; attempt < 40; attempt++) {
      client.send(FafMessage.command("ask_session").with("user_agent", "panel"));
      client.next("session").await(5, TimeUnit.SECONDS);
      Object id = page.eval("document.querySelector('" + ENTRIES + "[data-kind=in][data-type=ask_session]')?.getAttribute('data-connection') || null");
      if (id != null) {
        return (String) id;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no ask_session row; " + page.transcript());
  }

  private static void publishSent(Vertx vertx, String connection, long seq, JsonObject body) {
    vertx.eventBus().publish("gamebus.faf.lobby.sent", new JsonObject().put("protocol", "faf").put("endpoint", "lobby")
      .put("connection", connection).put("type", SIM + body.getString("command", "other")).put("seq", seq)
      .put("ts", System.currentTimeMillis()).put("body", body));
  }

  private static int visible(PageDriver page) throws InterruptedException {
    return count(page, ENTRIES + ":not([hidden])");
  }

  private static int count(PageDriver page, String selector) throws InterruptedException {
    return ((Number) page.eval("document.querySelectorAll('" + selector + "').length")).intValue();
  }
}
