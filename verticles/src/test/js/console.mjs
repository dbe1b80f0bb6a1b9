#!/usr/bin/env node
// Opens the gamebus console page in headless Chromium (playwright-core, the Debian chromium; no
// browser download) and reports on stdout, one line per event:
//   READY              #bridge-state reads "connected" (bridge open, endpoint addresses registered)
//   ROW <text>         first traffic row with data-type = --expect-type (cells joined by " | ")
//   SCREENSHOT <path>  the screenshot was written (only with --screenshot)
//   PAGE-ERROR <text>  a console error or an uncaught exception in the page (relayed as it happens)
//   DONE               success -> exit 0
//   TIMEOUT            --timeout-ms passed first -> exit 1
//   ERROR <detail>     the browser could not start or the page could not load -> exit 2
//   FAIL <detail>      an uncaught exception in the page -> exit 3
// Details for humans go to stderr.
//
// usage: node console.mjs --url http://127.0.0.1:PORT/ --expect-type ask_session
//          [--screenshot /path.png] [--timeout-ms 30000] [--chromium /usr/bin/chromium]
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      url: { type: 'string' },
      'expect-type': { type: 'string' },
      screenshot: { type: 'string' },
      'timeout-ms': { type: 'string', default: '30000' },
      chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    },
    strict: true,
  }));
  for (const required of ['url', 'expect-type']) {
    if (!args[required]) throw new Error(`--${required} is required`);
  }
} catch (e) {
  process.stdout.write(`ERROR bad arguments: ${e.message}\n`);
  process.exit(2);
}

const timeoutMs = Number(args['timeout-ms']);
const deadline = Date.now() + timeoutMs;
const remaining = () => Math.max(1, deadline - Date.now());

let browser;
let finished = false;

function oneLine(v) {
  return String(v).replace(/\s+/g, ' ').trim();
}

function line(text) {
  if (!finished) process.stdout.write(text + '\n');
}

async function finish(code, lastLine, detail) {
  if (finished) return;
  if (lastLine) line(lastLine);
  if (detail) process.stderr.write(detail + '\n');
  finished = true;
  clearTimeout(overall);
  // never let a hanging browser keep the JUnit test waiting
  const closing = browser ? browser.close().catch(() => {}) : Promise.resolve();
  await Promise.race([closing, new Promise((r) => setTimeout(r, 5000))]);
  process.stdout.write('', () => process.exit(code));
}

const overall = setTimeout(() => finish(1, 'TIMEOUT', `overall timeout of ${timeoutMs} ms`), timeoutMs + 2000);

let stage = 'launching chromium';
try {
  browser = await chromium.launch({
    executablePath: args.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: remaining(),
  });
} catch (e) {
  await finish(2, `ERROR cannot launch ${args.chromium}: ${oneLine(e.message.split('\n')[0])}`, e.message);
}

if (!finished) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') line(`PAGE-ERROR console: ${oneLine(msg.text())}`);
  });
  page.on('pageerror', (err) => {
    line(`PAGE-ERROR uncaught: ${oneLine(err.message)}`);
    finish(3, `FAIL uncaught page error: ${oneLine(err.message)}`, err.stack);
  });
  page.on('crash', () => finish(2, 'ERROR page crashed'));

  try {
    stage = `loading ${args.url}`;
    const response = await page.goto(args.url, { waitUntil: 'domcontentloaded', timeout: remaining() });
    if (!response || !response.ok()) {
      await finish(2, `ERROR ${args.url} answered ${response ? response.status() : 'nothing'}`);
    }

    if (!finished) {
      stage = 'waiting for #bridge-state = connected';
      await page.waitForFunction(
        () => document.getElementById('bridge-state')?.textContent === 'connected',
        null, { timeout: remaining(), polling: 100 });
      line('READY');

      stage = `waiting for a traffic row of type ${args['expect-type']}`;
      const handle = await page.waitForFunction((type) => {
        const row = Array.from(document.querySelectorAll('#traffic-rows tr'))
          .find((r) => r.getAttribute('data-type') === type);
        return row ? Array.from(row.cells).map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join(' | ') : false;
      }, args['expect-type'], { timeout: remaining(), polling: 100 });
      line(`ROW ${oneLine(await handle.jsonValue())}`);

      if (args.screenshot) {
        stage = 'taking the screenshot';
        await page.screenshot({ path: args.screenshot, fullPage: true, timeout: remaining() });
        line(`SCREENSHOT ${args.screenshot}`);
      }
      await finish(0, 'DONE');
    }
  } catch (e) {
    if (!finished) {
      if (e && e.name === 'TimeoutError') await finish(1, 'TIMEOUT', `timed out ${stage}`);
      else await finish(2, `ERROR ${stage}: ${oneLine(e.message.split('\n')[0])}`, e.stack);
    }
  }
}
