// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
// (which never downloads a browser), and a way to block WebSockets as a proxy that refuses the
// upgrade would.
import { chromium } from 'playwright-core';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Launches headless Chromium from executablePath within timeoutMs. */
export function launchChromium(executablePath, timeoutMs) {
  return chromium.launch({ executablePath, headless: true, args: FLAGS, timeout: timeoutMs });
}

/**
 * Every WebSocket the page opens closes before it opens, with code 1006 (abnormal closure) as
 * when a proxy refuses the upgrade: the page's fallback has to take over. Playwright mocks the
 * socket in the page, so nothing reaches the server. onBlocked(url) is told of each attempt.
 */
export function blockWebSockets(page, onBlocked = () => {}) {
  return page.routeWebSocket(/.*/, (ws) => {
    onBlocked(ws.url());
    ws.close({ code: 1006, reason: 'WebSocket blocked by the test' });
  });
}
