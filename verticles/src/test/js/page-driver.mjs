#!/usr/bin/env node
// Drives one page in headless Chromium (playwright-core, the Debian chromium) by commands on stdin,
// one per line, answered in order on stdout as "R<n> ok <json>" or "R<n> err <text>" (n counts the
// commands from 1). Lets a JUnit test act on the server between steps. Commands:
//   GOTO <url>                 load a page; ok <HTTP status>
//   WAIT <js expression>       poll (100 ms) until it is truthy (at most --step-ms); ok <its value>
//   EVAL <js expression>       ok <its value>
//   CLICK <selector>           click the element
//   FILL <selector>\t<text>    type into an input (fires input events)
//   CHECK <selector>\t<bool>   tick or untick a checkbox (fires change events)
//   SELECT <selector>\t<value> choose an option (fires change events)
//   RELOAD                     reload the page
//   CLIPBOARD                  ok <the clipboard's text> (the page may read and write it)
//   SERVE <directory>          serve that directory's files on a loopback port, plus /sockjs.min.js
//                              (sockjs-client/dist) and /vertx-eventbus.js (@vertx/eventbus-bridge-client.js)
//                              from node_modules, as a page of one's own would be; ok "<origin>"
//   QUIT                       prints DONE and exits 0
// Also printed as it happens: PAGE-ERROR <text> (console error or uncaught exception),
// ERROR <detail> (the browser did not start: exit 2).
//
// usage: node page-driver.mjs [--step-ms 20000] [--chromium /usr/bin/chromium]
import { createInterface } from 'node:readline';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, extname, join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { argsOrExit, lineProtocol, oneLine } from './script-io.mjs';

const args = argsOrExit({
  'step-ms': { type: 'string', default: '20000' },
  chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
});
const stepMs = Number(args['step-ms']);

let browser;
const servers = []; // SERVE's static servers
const { line, finish } = lineProtocol(() => {
  servers.forEach((s) => s.close());
  return browser && browser.close();
});

try {
  browser = await launchChromium(args.chromium, 60000);
} catch (e) {
  await finish(2, `ERROR cannot launch ${args.chromium}: ${oneLine(e.message.split('\n')[0])}`, e.message);
}
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write']);
const page = await context.newPage();
page.on('console', (msg) => { if (msg.type() === 'error') line(`PAGE-ERROR console: ${oneLine(msg.text())}`); });
page.on('pageerror', (err) => line(`PAGE-ERROR uncaught: ${oneLine(err.message)}`));

// JSON.stringify writes one line (newlines inside strings are escaped)
const json = (v) => JSON.stringify(v === undefined ? null : v);
const split = (rest) => { const tab = rest.indexOf('\t'); return [rest.slice(0, tab), rest.slice(tab + 1)]; };

const require = createRequire(import.meta.url);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** A static server on 127.0.0.1:0 for the files directly in dir and the two client scripts. */
function serve(dir) {
  const scripts = {
    'sockjs.min.js': require.resolve('sockjs-client/dist/sockjs.min.js'),
    'vertx-eventbus.js': require.resolve('@vertx/eventbus-bridge-client.js'),
  };
  const server = createServer(async (req, res) => {
    const name = basename(new URL(req.url, 'http://page').pathname) || 'index.html';
    try {
      const body = await readFile(scripts[name] || join(dir, name));
      res.writeHead(200, { 'Content-Type': TYPES[extname(name)] || 'application/octet-stream' }).end(body);
    } catch (e) {
      res.writeHead(404).end();
    }
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

async function run(command, rest) {
  switch (command) {
    case 'GOTO': { const r = await page.goto(rest, { waitUntil: 'domcontentloaded', timeout: stepMs }); return r ? r.status() : null; }
    case 'WAIT': return (await page.waitForFunction(rest, null, { timeout: stepMs, polling: 100 })).jsonValue();
    case 'EVAL': return page.evaluate(rest);
    case 'CLICK': await page.click(rest, { timeout: stepMs }); return null;
    case 'FILL': { const [sel, text] = split(rest); await page.fill(sel, text, { timeout: stepMs }); return null; }
    case 'CHECK': { const [sel, on] = split(rest); await page.setChecked(sel, on === 'true', { timeout: stepMs }); return null; }
    case 'SELECT': { const [sel, value] = split(rest); await page.selectOption(sel, value, { timeout: stepMs }); return null; }
    case 'RELOAD': await page.reload({ waitUntil: 'domcontentloaded', timeout: stepMs }); return null;
    case 'SERVE': return serve(rest);
    case 'CLIPBOARD': return page.evaluate(() => navigator.clipboard.readText());
    default: throw new Error(`unknown command ${command}`);
  }
}

let n = 0;
for await (const input of createInterface({ input: process.stdin })) {
  if (!input.trim()) continue;
  n++;
  const space = input.indexOf(' ');
  const command = space < 0 ? input : input.slice(0, space);
  if (command === 'QUIT') break;
  try {
    line(`R${n} ok ${json(await run(command, space < 0 ? '' : input.slice(space + 1)))}`);
  } catch (e) {
    line(`R${n} err ${oneLine(e.message.split('\n')[0])}`);
  }
}
await finish(0, 'DONE');
