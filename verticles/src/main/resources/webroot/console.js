/*
 * gamebus console, the entry module: connects the bridge (bridge.js, window.GamebusBridge), loads
 * the endpoint list, registers every endpoint's .in, .sent and .status, and hands what arrives to
 * the timeline (js/timeline.js), the rate sparklines (js/endpoints.js) and the connections table
 * (js/connections.js). Filters and pause survive a reload (js/prefs.js).
 */
import { $, clock, asObject } from './js/dom.js';
import { loadPrefs, savePrefs } from './js/prefs.js';
import { createTimeline } from './js/timeline.js';
import { createEndpointsTable, key } from './js/endpoints.js';
import { createConnectionsTable } from './js/connections.js';
import { createSendForm, addressesOf } from './js/send.js';

const REFRESH_MS = 10000;       // endpoint list refresh
const RETRY_MS = 2000;          // endpoint list retry until the first success

const el = { state: $('bridge-state'), transport: $('bridge-transport'), detail: $('bridge-detail'), note: $('endpoints-note') };

// ?transports=xhr-polling (comma-separated) limits the bridge to those, e.g. behind a proxy
// that buffers streamed answers; by default it tries each in turn (see bridge.js).
const onlyTransports = new URLSearchParams(location.search).get('transports');
const bridge = new window.GamebusBridge(window.GamebusBridge.defaultUrl(),
  { transports: onlyTransports ? onlyTransports.split(',') : undefined });

const timeline = createTimeline(loadPrefs(), () => savePrefs(timeline.state()));
const table = createEndpointsTable();
const send = createSendForm(bridge);
const connections = createConnectionsTable(bridge, () => endpoints);

let endpoints = [];              // last /api/endpoints answer
let endpointsLoaded = false;     // at least one successful load (and its registrations sent)
const registered = new Set();    // addresses this page registered
let refreshTimer = null, statusRefreshTimer = null;

// ---- bridge state ---------------------------------------------------------------------------

function showBridgeState() {
  const s = bridge.state === 'open' ? (endpointsLoaded ? 'connected' : 'connecting')
    : bridge.state === 'closed' ? 'disconnected' : 'connecting';
  if (el.state.textContent !== s) el.state.textContent = s;
  el.state.setAttribute('data-state', s);
  const over = bridge.state === 'open' ? 'over ' + bridge.transport : '';
  if (el.transport.textContent !== over) el.transport.textContent = over;
  if (s === 'connected') el.detail.textContent = '';
  else if (bridge.state === 'open') el.detail.textContent = '(waiting for the endpoint list)';
  else if (s === 'disconnected') el.detail.textContent = '(retrying)';
}

bridge.onstate = (s) => {
  showBridgeState();
  if (s === 'open') loadEndpoints(); // a reconnect may come with a changed endpoint list
};

bridge.onerror = (err) => {
  const text = 'bridge error: ' + (err.message || err.body || JSON.stringify(err));
  el.detail.textContent = text;
  send.bridgeError(text);
};

// ---- endpoints ------------------------------------------------------------------------------

let loading = false, loadAgain = false;

function loadEndpoints() {
  if (loading) { loadAgain = true; return; }
  loading = true;
  clearTimeout(refreshTimer);
  fetch('/api/endpoints', { cache: 'no-store', headers: { accept: 'application/json' } })
    .then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then((json) => {
      endpoints = Array.isArray(json.endpoints) ? json.endpoints : [];
      syncRegistrations();
      const first = !endpointsLoaded && bridge.state === 'open';
      if (bridge.state === 'open') endpointsLoaded = true;
      el.note.textContent = 'updated ' + clock(Date.now());
      table.render(endpoints);
      send.refreshAddresses(endpoints);
      timeline.knownEndpoints(endpoints.map((ep) => key(ep.protocol, ep.name)));
      if (first) connections.load();
      showBridgeState();
      return REFRESH_MS;
    })
    .catch((e) => {
      el.note.textContent = 'endpoint list failed: ' + e.message;
      return endpointsLoaded ? REFRESH_MS : RETRY_MS;
    })
    .then((next) => {
      loading = false;
      clearTimeout(refreshTimer);
      if (loadAgain) { loadAgain = false; loadEndpoints(); } else refreshTimer = setTimeout(loadEndpoints, next);
    });
}

function syncRegistrations() {
  const wanted = new Map();
  endpoints.forEach((ep) => {
    const a = addressesOf(ep);
    wanted.set(a.in, onIn);
    wanted.set(a.sent, onSent);
    wanted.set(a.status, onStatus);
  });
  wanted.forEach((handler, address) => {
    bridge.register(address, handler); // idempotent; re-sent by the bridge after a reconnect
    registered.add(address);
  });
  registered.forEach((address) => {
    if (!wanted.has(address)) { bridge.unregister(address); registered.delete(address); }
  });
}

// ---- what arrives ---------------------------------------------------------------------------

function onEnvelope(body, direction) {
  const env = asObject(body);
  table.count(env.protocol, env.endpoint, direction);
  timeline.addEnvelope(env, direction);
}

function onIn(body) { onEnvelope(body, 'in'); }
function onSent(body) { onEnvelope(body, 'sent'); }

function onStatus(body) {
  const ev = asObject(body);
  timeline.addStatus(ev);
  // states and connection counts changed: refresh the endpoint list soon (debounced)
  clearTimeout(statusRefreshTimer);
  statusRefreshTimer = setTimeout(loadEndpoints, 500);
  if (/^connection-(opened|closed)$/.test(ev.state)) connections.refreshSoon();
}

$('traffic-rows').addEventListener('click', (e) => {
  const b = e.target.closest('td.conn button');
  if (b) send.useConnection(b.textContent);
});

// ---- start ----------------------------------------------------------------------------------

showBridgeState();
loadEndpoints();
setInterval(table.update, 1000);
