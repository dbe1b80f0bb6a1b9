/*
 * gamebus console: live traffic of every endpoint through the event-bus bridge, filters, per-endpoint
 * message rates, status events, and a form that sends to an endpoint's `out` address.
 * Needs bridge.js (window.GamebusBridge). Plain DOM, no framework; all text goes in via textContent.
 */
(function () {
  'use strict';

  var MAX_ROWS = 1000;          // traffic rows kept in the table
  var MAX_STATUS = 200;         // status events kept in the log
  var RATE_WINDOW_MS = 5000;    // msg/s is computed over this window
  var REFRESH_MS = 10000;       // endpoint list refresh
  var RETRY_MS = 2000;          // endpoint list retry until the first success
  var BODY_INLINE = 160;        // longer bodies are truncated and expandable

  var $ = function (id) { return document.getElementById(id); };
  var el = {
    state: $('bridge-state'), transport: $('bridge-transport'), detail: $('bridge-detail'),
    endpointRows: $('endpoint-rows'), endpointsNote: $('endpoints-note'),
    sendForm: $('send-form'), sendAddress: $('send-address'), sendConnection: $('send-connection'),
    sendBody: $('send-body'), sendButton: $('send-button'), sendResult: $('send-result'),
    statusLog: $('status-log'),
    rows: $('traffic-rows'), count: $('traffic-count'),
    fProtocol: $('filter-protocol'), fEndpoint: $('filter-endpoint'), fType: $('filter-type'),
    pause: $('pause'), clear: $('clear'), pauseState: $('pause-state')
  };

  var endpoints = [];              // last /api/endpoints answer
  var endpointsLoaded = false;     // at least one successful load (and its registrations sent)
  var registered = new Set();      // addresses this page registered
  var rateTimes = new Map();       // "protocol.endpoint" -> receipt times (ms) within the window
  var seenProtocols = new Set(), seenEndpoints = new Set();
  var received = 0, paused = false, skipped = 0;
  var sendToken = 0, sendInFlight = 0; // token of the send waiting for its reply, 0 = none
  var refreshTimer = null, statusRefreshTimer = null;

  // ?transports=xhr-polling (comma-separated) limits the bridge to those, e.g. behind a proxy
  // that buffers streamed answers; by default it tries each in turn (see bridge.js).
  var onlyTransports = new URLSearchParams(location.search).get('transports');
  var bridge = new window.GamebusBridge(window.GamebusBridge.defaultUrl(),
    { transports: onlyTransports ? onlyTransports.split(',') : undefined });

  // ---- bridge state -------------------------------------------------------------------------

  function showBridgeState() {
    var s = bridge.state === 'open' ? (endpointsLoaded ? 'connected' : 'connecting')
      : bridge.state === 'closed' ? 'disconnected' : 'connecting';
    if (el.state.textContent !== s) el.state.textContent = s;
    el.state.setAttribute('data-state', s);
    var over = bridge.state === 'open' ? 'over ' + bridge.transport : '';
    if (el.transport.textContent !== over) el.transport.textContent = over;
    if (s === 'connected') el.detail.textContent = '';
    else if (bridge.state === 'open') el.detail.textContent = '(waiting for the endpoint list)';
    else if (s === 'disconnected') el.detail.textContent = '(retrying)';
  }

  bridge.onstate = function (s) {
    showBridgeState();
    if (s === 'open') loadEndpoints(); // a reconnect may come with a changed endpoint list
  };

  bridge.onerror = function (err) {
    var text = 'bridge error: ' + (err.body || err.message || JSON.stringify(err));
    el.detail.textContent = text;
    if (sendInFlight) {
      // the bridge answers a refused send (e.g. access_denied) with an error that names no address
      sendInFlight = 0;
      showSendResult('failure', text);
      el.sendButton.disabled = false;
    }
  };

  // ---- endpoints ----------------------------------------------------------------------------

  function key(protocol, endpoint) { return protocol + '.' + endpoint; }

  function addressesOf(ep) {
    var a = ep.addresses || {};
    var base = 'gamebus.' + ep.protocol + '.' + ep.name + '.';
    // Only the channels the endpoint lists are writable (a DFHack server has no .out).
    return { in: a.in || base + 'in', out: a.out, status: a.status || base + 'status', request: a.request };
  }

  var loading = false, loadAgain = false;

  function loadEndpoints() {
    if (loading) { loadAgain = true; return; }
    loading = true;
    clearTimeout(refreshTimer);
    fetch('/api/endpoints', { cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (json) {
        endpoints = Array.isArray(json.endpoints) ? json.endpoints : [];
        syncRegistrations();
        if (bridge.state === 'open') endpointsLoaded = true;
        el.endpointsNote.textContent = 'updated ' + clock(Date.now());
        renderEndpoints();
        refreshSendAddresses();
        refreshFilterOptions();
        showBridgeState();
        return REFRESH_MS;
      })
      .catch(function (e) {
        el.endpointsNote.textContent = 'endpoint list failed: ' + e.message;
        return endpointsLoaded ? REFRESH_MS : RETRY_MS;
      })
      .then(function (next) {
        loading = false;
        clearTimeout(refreshTimer);
        if (loadAgain) { loadAgain = false; loadEndpoints(); } else refreshTimer = setTimeout(loadEndpoints, next);
      });
  }

  function syncRegistrations() {
    var wanted = new Map();
    endpoints.forEach(function (ep) {
      var a = addressesOf(ep);
      wanted.set(a.in, onEnvelope);
      wanted.set(a.status, onStatus);
    });
    wanted.forEach(function (handler, address) {
      bridge.register(address, handler); // idempotent; re-sent by the bridge after a reconnect
      registered.add(address);
    });
    registered.forEach(function (address) {
      if (!wanted.has(address)) { bridge.unregister(address); registered.delete(address); }
    });
  }

  function renderEndpoints() {
    var tbody = el.endpointRows;
    tbody.textContent = '';
    if (endpoints.length === 0) {
      var tr0 = tbody.insertRow();
      tr0.className = 'empty';
      var td0 = tr0.insertCell();
      td0.colSpan = 7;
      td0.textContent = 'no endpoints configured';
      return;
    }
    endpoints.forEach(function (ep) {
      var tr = tbody.insertRow();
      tr.setAttribute('data-protocol', ep.protocol);
      tr.setAttribute('data-endpoint', ep.name);
      var name = tr.insertCell();
      name.appendChild(text('strong', ep.protocol + '.' + ep.name));
      if (ep.node) { name.appendChild(document.createElement('br')); name.appendChild(text('span', 'node ' + ep.node, 'muted small')); }
      tr.insertCell().textContent = ep.role || '';
      var st = tr.insertCell();
      st.appendChild(text('span', ep.state || '?', 'badge state-' + cssToken(ep.state)));
      var li = tr.insertCell();
      li.className = 'listeners';
      (ep.listeners || []).forEach(function (l) { li.appendChild(text('code', l)); });
      var conns = tr.insertCell();
      conns.className = 'num';
      conns.textContent = ep.connections == null ? '' : String(ep.connections);
      var c = ep.counters || {};
      var ctr = tr.insertCell();
      ctr.className = 'num';
      ctr.textContent = [c.in, c.out, c.badInput].map(function (v) { return v == null ? '–' : v; }).join(' / ');
      var rate = tr.insertCell();
      rate.className = 'num rate';
      rate.setAttribute('data-key', key(ep.protocol, ep.name));
    });
    updateRates();
  }

  function updateRates() {
    var now = Date.now();
    rateTimes.forEach(function (times) {
      while (times.length && now - times[0] > RATE_WINDOW_MS) times.shift();
    });
    Array.prototype.forEach.call(el.endpointRows.querySelectorAll('td.rate'), function (td) {
      var times = rateTimes.get(td.getAttribute('data-key'));
      var r = times ? times.length / (RATE_WINDOW_MS / 1000) : 0;
      td.textContent = r === 0 ? '0' : r.toFixed(1);
    });
  }

  function refreshSendAddresses() {
    var current = el.sendAddress.value;
    var seen = new Set();
    el.sendAddress.textContent = '';
    endpoints.forEach(function (ep) {
      var a = addressesOf(ep);
      [['out', a.out], ['request', a.request]].forEach(function (pair) {
        if (!pair[1] || seen.has(pair[1])) return;
        seen.add(pair[1]);
        var o = new Option(ep.protocol + '.' + ep.name + ' → ' + pair[0] + '  (' + pair[1] + ')', pair[1]);
        el.sendAddress.add(o);
      });
    });
    if (seen.has(current)) el.sendAddress.value = current;
    el.sendButton.disabled = seen.size === 0;
  }

  function refreshFilterOptions() {
    endpoints.forEach(function (ep) { seenProtocols.add(ep.protocol); seenEndpoints.add(ep.name); });
    fillSelect(el.fProtocol, seenProtocols);
    fillSelect(el.fEndpoint, seenEndpoints);
  }

  function fillSelect(select, values) {
    var have = new Set(Array.prototype.map.call(select.options, function (o) { return o.value; }));
    Array.from(values).sort().forEach(function (v) {
      if (!have.has(v)) select.add(new Option(v, v));
    });
  }

  // ---- traffic ------------------------------------------------------------------------------

  function asObject(body) {
    if (typeof body === 'string') { try { return JSON.parse(body); } catch (e) { return { body: body }; } }
    return body || {};
  }

  function onEnvelope(body) {
    var env = asObject(body);
    received++;
    var k = key(env.protocol, env.endpoint);
    if (!rateTimes.has(k)) rateTimes.set(k, []);
    rateTimes.get(k).push(Date.now());
    if (!seenProtocols.has(env.protocol) || !seenEndpoints.has(env.endpoint)) {
      if (env.protocol) seenProtocols.add(String(env.protocol));
      if (env.endpoint) seenEndpoints.add(String(env.endpoint));
      refreshFilterOptions();
    }
    if (paused) {
      skipped++;
      el.pauseState.textContent = 'paused — ' + skipped + ' new message' + (skipped === 1 ? '' : 's') + ' not shown';
    } else {
      addRow(env);
    }
    updateCount();
  }

  function addRow(env) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-protocol', str(env.protocol));
    tr.setAttribute('data-endpoint', str(env.endpoint));
    tr.setAttribute('data-type', str(env.type));
    tr.setAttribute('data-connection', str(env.connection));
    if (env.seq != null) tr.setAttribute('data-seq', String(env.seq));

    var t = tr.insertCell();
    var time = text('time', clock(env.ts));
    if (typeof env.ts === 'number') { time.dateTime = new Date(env.ts).toISOString(); time.title = time.dateTime; }
    t.appendChild(time);
    tr.insertCell().textContent = str(env.protocol);
    tr.insertCell().textContent = str(env.endpoint);
    var c = tr.insertCell();
    c.className = 'conn';
    if (env.connection) {
      var b = text('button', str(env.connection), 'link');
      b.type = 'button';
      b.title = 'use this connection in the send form';
      c.appendChild(b);
    }
    tr.insertCell().appendChild(text('code', str(env.type), 'type'));
    var s = tr.insertCell();
    s.className = 'num';
    s.textContent = env.seq == null ? '' : String(env.seq);
    tr.insertCell().appendChild(bodyView(env.body));

    tr.hidden = !matches(tr);
    el.rows.insertBefore(tr, el.rows.firstChild);
    while (el.rows.rows.length > MAX_ROWS) el.rows.deleteRow(-1);
  }

  function bodyView(body) {
    var compact;
    try { compact = JSON.stringify(body === undefined ? null : body); } catch (e) { compact = String(body); }
    if (compact.length <= BODY_INLINE) return text('code', compact, 'body');
    var d = document.createElement('details');
    d.className = 'body';
    var sum = text('summary', compact.slice(0, BODY_INLINE) + '…');
    sum.title = compact.length > 4000 ? compact.slice(0, 4000) + '…' : compact;
    d.appendChild(sum);
    d.appendChild(text('pre', JSON.stringify(body, null, 2)));
    return d;
  }

  function matches(tr) {
    var p = el.fProtocol.value, e = el.fEndpoint.value, ty = el.fType.value.trim().toLowerCase();
    if (p && tr.getAttribute('data-protocol') !== p) return false;
    if (e && tr.getAttribute('data-endpoint') !== e) return false;
    if (ty && tr.getAttribute('data-type').toLowerCase().indexOf(ty) < 0) return false;
    return true;
  }

  function applyFilters() {
    Array.prototype.forEach.call(el.rows.rows, function (tr) { tr.hidden = !matches(tr); });
    updateCount();
  }

  function updateCount() {
    var rows = el.rows.rows.length, shown = 0;
    for (var i = 0; i < rows; i++) if (!el.rows.rows[i].hidden) shown++;
    el.count.textContent = shown + ' shown · ' + rows + ' kept · ' + received + ' received';
  }

  // ---- status events ------------------------------------------------------------------------

  function onStatus(body) {
    var ev = asObject(body);
    var li = document.createElement('li');
    li.setAttribute('data-protocol', str(ev.protocol));
    li.setAttribute('data-endpoint', str(ev.endpoint));
    li.setAttribute('data-state', str(ev.state));
    li.appendChild(text('time', clock(ev.ts || Date.now())));
    li.appendChild(text('span', str(ev.protocol) + '.' + str(ev.endpoint), 'ep'));
    li.appendChild(text('span', str(ev.state), 'badge state-' + cssToken(ev.state)));
    if (ev.connection) li.appendChild(text('code', str(ev.connection)));
    if (ev.detail) li.appendChild(text('span', str(ev.detail), 'muted'));
    el.statusLog.insertBefore(li, el.statusLog.firstChild);
    while (el.statusLog.children.length > MAX_STATUS) el.statusLog.removeChild(el.statusLog.lastChild);
    // states and connection counts changed: refresh the endpoint list soon (debounced)
    clearTimeout(statusRefreshTimer);
    statusRefreshTimer = setTimeout(loadEndpoints, 500);
  }

  // ---- send ---------------------------------------------------------------------------------

  function showSendResult(outcome, message) {
    el.sendResult.setAttribute('data-outcome', outcome);
    el.sendResult.className = outcome;
    el.sendResult.textContent = message;
  }

  el.sendForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var address = el.sendAddress.value;
    var body;
    try {
      body = JSON.parse(el.sendBody.value);
    } catch (ex) {
      showSendResult('invalid', 'Invalid JSON: ' + ex.message);
      el.sendBody.setAttribute('aria-invalid', 'true');
      el.sendBody.focus();
      return;
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      showSendResult('invalid', 'Invalid body: a JSON object is expected');
      el.sendBody.setAttribute('aria-invalid', 'true');
      return;
    }
    el.sendBody.removeAttribute('aria-invalid');
    if (!address) { showSendResult('invalid', 'No address to send to'); return; }
    var connection = el.sendConnection.value.trim();
    var headers = connection ? { connection: connection } : {};
    showSendResult('pending', 'sending…');
    var token = sendInFlight = ++sendToken;
    el.sendButton.disabled = true;
    bridge.send(address, body, headers).then(function (reply) {
      if (sendInFlight !== token) return;
      showSendResult('ok', JSON.stringify(reply.body));
    }, function (err) {
      if (sendInFlight !== token) return;
      showSendResult('failure', 'Failure' + (err.failureCode != null ? ' ' + err.failureCode : '') +
        (err.failureType ? ' ' + err.failureType : '') + ': ' + err.message);
    }).then(function () {
      if (sendInFlight !== token) return;
      sendInFlight = 0;
      el.sendButton.disabled = false;
    });
  });

  el.rows.addEventListener('click', function (e) {
    var b = e.target.closest('td.conn button');
    if (!b) return;
    el.sendConnection.value = b.textContent;
    el.sendConnection.focus();
  });

  // ---- filters and pause --------------------------------------------------------------------

  el.fProtocol.addEventListener('change', applyFilters);
  el.fEndpoint.addEventListener('change', applyFilters);
  el.fType.addEventListener('input', applyFilters);
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); });

  el.pause.addEventListener('click', function () {
    paused = !paused;
    el.pause.setAttribute('aria-pressed', String(paused));
    el.pause.textContent = paused ? 'Resume' : 'Pause';
    if (paused) {
      skipped = 0;
      el.pauseState.textContent = 'paused';
    } else {
      el.pauseState.textContent = 'resumed — ' + skipped + ' message' + (skipped === 1 ? '' : 's') + ' skipped while paused';
    }
  });

  el.clear.addEventListener('click', function () {
    el.rows.textContent = '';
    updateCount();
  });

  // ---- helpers ------------------------------------------------------------------------------

  function text(tag, content, cls) {
    var n = document.createElement(tag);
    n.textContent = content;
    if (cls) n.className = cls;
    return n;
  }

  function str(v) { return v == null ? '' : String(v); }

  function cssToken(v) { return String(v || 'unknown').toLowerCase().replace(/[^a-z0-9-]+/g, '-'); }

  function clock(ts) {
    if (typeof ts !== 'number') return str(ts);
    var d = new Date(ts);
    var p = function (n, w) { return String(n).padStart(w || 2, '0'); };
    return p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()) + '.' + p(d.getMilliseconds(), 3);
  }

  // ---- start --------------------------------------------------------------------------------

  showBridgeState();
  updateCount();
  loadEndpoints();
  setInterval(updateRates, 1000);
})();
