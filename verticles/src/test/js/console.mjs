#!/usr/bin/env node
// Opens the gamebus console page in headless Chromium (playwright-core, the Debian chromium; no
// browser download) and reports on stdout, one line per event:
//   WEBSOCKET-BLOCKED <url>  the page tried a WebSocket and it was refused (only with --block-websocket)
//   READY              #bridge-state reads "connected" (bridge open, endpoint addresses registered)
//   TRANSPORT <name>   the transport the page shows it is connected over (#bridge-transport)
//   ROW <text>         first traffic row with data-type = --expect-type (cells joined by " | "); with
//                      several types (comma-separated), one ROW for each, waited for in turn
//   TYPES <json>       after the last ROW: how many traffic rows the page shows per data-type
//   SENT <outcome> <text>  with --send: the send form's result (outcome ok|failure) after the page
//                      sent the form's default body to that row's connection
//   SCREENSHOT <path>  the screenshot was written (only with --screenshot)
//   PAGE-ERROR <text>  a console error or an uncaught exception in the page (relayed as it happens)
//   DONE               success -> exit 0
//   TIMEOUT            --timeout-ms passed first -> exit 1
//   ERROR <detail>     the browser could not start or the page could not load -> exit 2
//   FAIL <detail>      an uncaught exception in the page -> exit 3
// Details for humans go to stderr.
//
// usage: node console.mjs --url http://127.0.0.1:PORT/ --expect-type ask_session
//          [--block-websocket] [--transports xhr-polling] [--send] [--screenshot /path.png]
//          [--timeout-ms 30000] [--chromium /usr/bin/chromium]
// --block-websocket closes every WebSocket the page opens before it opens (as a proxy refusing the
// upgrade would); --transports is passed to the page as ?transports=, limiting its bridge to those.
import { blockWebSockets, launchChromium } from './chromium.mjs';
import { argsOrExit, lineProtocol, oneLine } from './script-io.mjs';

const args = argsOrExit({
  url: { type: 'string' },
  'expect-type': { type: 'string' },
  'block-websocket': { type: 'boolean', default: false },
  transports: { type: 'string' },
  send: { type: 'boolean', default: false },
  screenshot: { type: 'string' },
  'timeout-ms': { type: 'string', default: '30000' },
  chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
}, ['url', 'expect-type']);

const timeoutMs = Number(args['timeout-ms']);
const deadline = Date.now() + timeoutMs;
const remaining = () => Math.max(1, deadline - Date.now());

let browser;
const { line, finish, finished } = lineProtocol(() => browser && browser.close());

setTimeout(() => finish(1, 'TIMEOUT', `overall timeout of ${timeoutMs} ms`), timeoutMs + 2000);

let stage = 'launching chromium';
try {
  browser = await launchChromium(args.chromium, remaining());
} catch (e) {
  await finish(2, `ERROR cannot launch ${args.chromium}: ${oneLine(e.message.split('\n')[0])}`, e.message);
}

if (!finished()) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') line(`PAGE-ERROR console: ${oneLine(msg.text())}`);
  });
  page.on('pageerror', (err) => {
    line(`PAGE-ERROR uncaught: ${oneLine(err.message)}`);
    finish(3, `FAIL uncaught page error: ${oneLine(err.message)}`, err.stack);
  });
  page.on('crash', () => finish(2, 'ERROR page crashed'));
  if (args['block-websocket']) await blockWebSockets(page, (url) => line(`WEBSOCKET-BLOCKED ${url}`));

  try {
    stage = `loading ${args.url}`;
    const url = new URL(args.url);
    if (args.transports) url.searchParams.set('transports', args.transports);
    const response = await page.goto(url.href, { waitUntil: 'domcontentloaded', timeout: remaining() });
    if (!response || !response.ok()) {
      await finish(2, `ERROR ${args.url} answered ${response ? response.status() : 'nothing'}`);
    }

    if (!finished()) {
      stage = 'waiting for #bridge-state = connected';
      await page.waitForFunction(
        () => document.getElementById('bridge-state')?.textContent === 'connected',
        null, { timeout: remaining(), polling: 100 });
      line('READY');
      line(`TRANSPORT ${(await page.textContent('#bridge-transport')).replace(/^over /, '')}`);

      const types = args['expect-type'].split(',');
      for (const type of types) {
        stage = `waiting for a traffic row of type ${type}`;
        const handle = await page.waitForFunction((wanted) => {
          const row = Array.from(document.querySelectorAll('#traffic-rows tr'))
            .find((r) => r.getAttribute('data-type') === wanted);
          return row ? Array.from(row.cells).map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join(' | ') : false;
        }, type, { timeout: remaining(), polling: 100 });
        line(`ROW ${oneLine(await handle.jsonValue())}`);
      }
      line(`TYPES ${JSON.stringify(await page.evaluate(() => {
        const counts = {};
        document.querySelectorAll('#traffic-rows tr').forEach((r) => {
          const type = r.getAttribute('data-type');
          counts[type] = (counts[type] || 0) + 1;
        });
        return counts;
      }))}`);

      if (args.send) {
        stage = 'sending the form to the row\'s connection';
        await page.click(`#traffic-rows tr[data-type="${types[0]}"] td.conn button`, { timeout: remaining() });
        await page.click('#send-button', { timeout: remaining() });
        const result = await page.waitForFunction(() => {
          const out = document.getElementById('send-result');
          const outcome = out.getAttribute('data-outcome');
          return outcome && outcome !== 'pending' ? `${outcome} ${out.textContent}` : false;
        }, null, { timeout: remaining(), polling: 100 });
        line(`SENT ${oneLine(await result.jsonValue())}`);
      }

      if (args.screenshot) {
        stage = 'taking the screenshot';
        await page.screenshot({ path: args.screenshot, fullPage: true, timeout: remaining() });
        line(`SCREENSHOT ${args.screenshot}`);
      }
      await finish(0, 'DONE');
    }
  } catch (e) {
    if (!finished()) {
      if (e && e.name === 'TimeoutError') await finish(1, 'TIMEOUT', `timed out ${stage}`);
      else await finish(2, `ERROR ${stage}: ${oneLine(e.message.split('\n')[0])}`, e.stack);
    }
  }
}
