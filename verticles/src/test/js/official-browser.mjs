#!/usr/bin/env node
// The official @vertx/eventbus-bridge-client.js in headless Chromium, on a page of our own
// (official-client.html, with sockjs-client's browser bundle) served by this script on another
// origin than gamebus's, as a user's own page would be: gamebus must list it in
// bridge.allowedOrigins, and the fallbacks work cross-origin (CORS). Reports on stdout, one line
// per event:
//   PAGE <origin>              the page's server listens; without --url, the bridge URL is read
//                              from the first line on stdin (so the origin can be configured first)
//   WEBSOCKET-BLOCKED <url>    the page tried a WebSocket and it was refused (only with --block-websocket)
//   OPEN <transport>           the bridge opened on this SockJS transport
//   READY                      the register frame for --address was sent
//   MESSAGE <json>             a message arrived on --address
//   REPLY <json>               the reply to --send-body, sent when a message of --expect-type arrived
//   REPLY-FAILURE <json>       that send failed
//   DONE                       the reply came -> exit 0
//   TIMEOUT                    --timeout-ms passed first -> exit 1
//   ERROR <detail>             the bridge or the browser failed -> exit 2
//   PAGE-ERROR <text>          an error in the page (relayed only)
// Details for humans go to stderr.
//
// usage: node official-browser.mjs [--url http://127.0.0.1:PORT/eventbus] --address A --expect-type T
//          --send-address B --send-body '{...}' [--transports xhr-polling] [--block-websocket]
//          [--timeout-ms 30000] [--chromium /usr/bin/chromium]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { blockWebSockets, launchChromium } from './chromium.mjs';
import { argsOrExit, lineProtocol, oneLine } from './script-io.mjs';

const args = argsOrExit({
  url: { type: 'string' },
  address: { type: 'string' },
  'expect-type': { type: 'string' },
  'send-address': { type: 'string' },
  'send-body': { type: 'string', default: '{}' },
  transports: { type: 'string' },
  'block-websocket': { type: 'boolean', default: false },
  'timeout-ms': { type: 'string', default: '30000' },
  chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
}, ['address', 'expect-type', 'send-address']);

const require = createRequire(import.meta.url);
const files = {
  'official-client.html': ['text/html', new URL('./official-client.html', import.meta.url)],
  'sockjs.min.js': ['text/javascript', require.resolve('sockjs-client/dist/sockjs.min.js')],
  'vertx-eventbus.js': ['text/javascript', require.resolve('@vertx/eventbus-bridge-client.js')],
};

const timeoutMs = Number(args['timeout-ms']);
let browser;
const { line, finish } = lineProtocol(() => browser && browser.close());
setTimeout(() => finish(1, 'TIMEOUT', `no reply within ${timeoutMs} ms`), timeoutMs);

// The page's own web server, on loopback like the bridge (Chromium asks before a page from a
// public address reaches loopback; a page on loopback reaches it freely).
const server = createServer(async (req, res) => {
  const file = files[new URL(req.url, 'http://page').pathname.slice(1)];
  if (!file) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'Content-Type': file[0] }).end(await readFile(file[1]));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
server.unref();
line(`PAGE ${origin}`);
const bridgeUrl = args.url || await new Promise((resolve) => {
  createInterface({ input: process.stdin }).once('line', (l) => resolve(l.trim()));
});

try {
  browser = await launchChromium(args.chromium, timeoutMs);
  const page = await browser.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') line(`PAGE-ERROR console: ${oneLine(msg.text())}`); });
  page.on('pageerror', (err) => line(`PAGE-ERROR uncaught: ${oneLine(err.message)}`));
  await page.exposeFunction('report', (text) => {
    line(oneLine(text));
    if (text.startsWith('REPLY')) finish(0, 'DONE');
    else if (text.startsWith('ERROR') || text.startsWith('CLOSED')) finish(2);
  });
  if (args['block-websocket']) {
    await blockWebSockets(page, (url) => line(`WEBSOCKET-BLOCKED ${url}`));
  }
  const query = new URLSearchParams({ bridge: bridgeUrl, address: args.address, expect: args['expect-type'],
    send: args['send-address'], body: args['send-body'], transports: args.transports || '' });
  await page.goto(`${origin}/official-client.html?${query}`, { timeout: timeoutMs });
} catch (e) {
  await finish(2, `ERROR ${oneLine(e.message.split('\n')[0])}`, e.stack);
}
