/*
 * gamebus — a small Vert.x event-bus bridge client. Wire format: JSON frames {type:
 * register|unregister|send|publish|ping} to the server and {type: rec|err} from it. Registrations
 * survive reconnects; send() returns a Promise of the reply. No dependencies. Exposes
 * window.GamebusBridge.
 * Transports, tried in order until one opens: the raw WebSocket (<base>/websocket), then SockJS's
 * xhr-streaming and xhr-polling (for networks whose proxy blocks WebSockets), spoken directly:
 * POST <base>/<server>/<session>/xhr_streaming streams lines "o" (open), "h" (heartbeat),
 * a["<frame>",...] (frames), c[code,"reason"] (closed); POST .../xhr answers one such line per
 * request; POST .../xhr_send with ["<frame>",...] sends.
 */
(function (global) {
  'use strict';

  function uuid() { // reply addresses must be at most 36 characters
    if (global.crypto && typeof global.crypto.randomUUID === 'function') return global.crypto.randomUUID();
    var b = new Uint8Array(16);
    global.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function BridgeError(f) {
    var e = new Error(f.message || f.body || 'bridge error');
    e.failureCode = f.failureCode; e.failureType = f.failureType;
    return e;
  }

  var utf8 = new TextDecoder('utf-8');

  /** The transports this client speaks, best first. */
  var TRANSPORTS = ['websocket', 'xhr-streaming', 'xhr-polling'];

  // Each transport calls on.open() once it can send, on.message(text) per bridge frame, and
  // on.close(code, reason) once (also when it never opened); it returns {send(text), close()}.

  function webSocketTransport(base, on) {
    var ws;
    try {
      ws = new WebSocket(base.replace(/^http/, 'ws') + '/websocket');
    } catch (e) { // no WebSocket in this browser, or one a policy forbids
      setTimeout(function () { on.close(1006, e.message); });
      return { send: function () {}, close: function () {} };
    }
    ws.binaryType = 'arraybuffer'; // Vert.x writes bridge frames on the raw WebSocket as binary frames
    ws.onopen = function () { on.open(); };
    ws.onmessage = function (e) { on.message(typeof e.data === 'string' ? e.data : utf8.decode(e.data)); };
    ws.onclose = function (e) { on.close(e.code, e.reason); };
    return { send: function (text) { ws.send(text); }, close: function () { ws.close(); } };
  }

  function randomId(length) {
    var chars = 'abcdefghijklmnopqrstuvwxyz0123456789', b = new Uint8Array(length), id = '';
    global.crypto.getRandomValues(b);
    for (var i = 0; i < length; i++) id += chars[b[i] % chars.length];
    return id;
  }

  /** Calls line(text) for each line of a streamed response body; resolves when the body ends. */
  function readLines(body, line) {
    var reader = body.getReader(), decoder = new TextDecoder('utf-8'), rest = '';
    function next() {
      return reader.read().then(function (chunk) {
        if (chunk.done) return;
        var lines = (rest + decoder.decode(chunk.value, { stream: true })).split('\n');
        rest = lines.pop();
        lines.forEach(function (l) { if (l) line(l); });
        return next();
      });
    }
    return next();
  }

  function xhrTransport(base, streaming, on) {
    var session = base + '/' + (100 + Math.floor(Math.random() * 900)) + '/' + randomId(16);
    var abort = new AbortController(), opened = false, closed = false, queue = [], sending = false;
    function post(path, body) {
      return fetch(session + path, { method: 'POST', body: body, cache: 'no-store', signal: abort.signal,
        headers: body ? { 'Content-Type': 'text/plain;charset=UTF-8' } : {} })
        .then(function (res) { if (!res.ok) throw new Error(path + ' answered ' + res.status); return res; });
    }
    function close(code, reason) {
      if (closed) return;
      closed = true;
      abort.abort();
      on.close(code, reason);
    }
    function frame(line) {
      var kind = line.charAt(0);
      if (kind === 'o' && !opened) { opened = true; on.open(); }
      // a second "o": the server forgot this session (and its registrations) and opened a new one
      else if (kind === 'o') close(1006, 'the server lost the session');
      else if (kind === 'a') JSON.parse(line.slice(1)).forEach(function (text) { if (!closed) on.message(text); });
      else if (kind === 'c') { var c = JSON.parse(line.slice(1)); close(c[0], c[1]); }
      // 'h': a heartbeat, and xhr-streaming's prelude of 2048 h's
    }
    // The server ends a streaming answer after some bytes, and each polling answer after one
    // frame: ask again on the same session until it is closed.
    function receive() {
      if (closed) return;
      post(streaming ? '/xhr_streaming' : '/xhr')
        .then(function (res) {
          return streaming ? readLines(res.body, frame)
            : res.text().then(function (t) { t.split('\n').forEach(function (l) { if (l) frame(l); }); });
        })
        .then(receive, function (e) { close(1006, e.message); });
    }
    // One send request at a time; what is written meanwhile goes in the next one.
    function flush() {
      if (sending || closed || !queue.length) return;
      var batch = JSON.stringify(queue);
      queue = [];
      sending = true;
      post('/xhr_send', batch).then(function () { sending = false; flush(); }, function (e) { close(1006, e.message); });
    }
    receive();
    return {
      send: function (text) { queue.push(text); flush(); },
      close: function () { close(1000, 'closed by the page'); }
    };
  }

  function openTransport(name, base, on) {
    return name === 'websocket' ? webSocketTransport(base, on) : xhrTransport(base, name === 'xhr-streaming', on);
  }

  /**
   * base: the bridge's http(s) URL, e.g. http://host:port/eventbus. options: transports (names from
   * TRANSPORTS, in the order to try; unknown names are ignored; default all), openTimeoutMs (a transport not open by then is
   * given up for the next; default 5000), pingMs, replyTimeoutMs, reconnectMinMs, reconnectMaxMs.
   */
  function Bridge(base, options) {
    options = options || {};
    this.base = base;
    var known = (options.transports || []).filter(function (t) { return TRANSPORTS.indexOf(t) >= 0; });
    this.transports = known.length ? known : TRANSPORTS;
    this.openTimeoutMs = options.openTimeoutMs || 5000;
    this.pingMs = options.pingMs || 5000;
    this.replyTimeoutMs = options.replyTimeoutMs || 30000;
    this.reconnectMin = options.reconnectMinMs || 500;
    this.reconnectMax = options.reconnectMaxMs || 10000;
    this.handlers = new Map(); // address -> Set<function(body, message)>
    this.pending = new Map();  // replyAddress -> {resolve, reject, timer}
    this.state = 'connecting'; // connecting | open | closed
    this.transport = null;     // the transport in use while open
    this.onstate = function () {};
    this.onerror = function () {};
    this._attempts = 0;
    this._next = 0;            // index in transports of the one to try next
    this._opened = false;      // whether the current transport is open
    this._closed = false;
    this._connect();
  }

  Bridge.prototype._setState = function (s) {
    if (this.state !== s) { this.state = s; this.onstate(s); }
  };

  Bridge.prototype._connect = function () {
    var self = this, name = self.transports[self._next], opened = false;
    self._setState('connecting');
    var conn = self.conn = openTransport(name, self.base, {
      open: function () {
        opened = self._opened = true;
        clearTimeout(giveUp);
        self._attempts = 0;
        self.transport = name;
        self.handlers.forEach(function (_, address) { self._write({ type: 'register', address: address, headers: {} }); });
        self._write({ type: 'ping' });
        self._ping = setInterval(function () { self._write({ type: 'ping' }); }, self.pingMs);
        self._setState('open');
      },
      message: function (text) { self._receive(text); },
      close: function () {
        clearTimeout(giveUp);
        clearInterval(self._ping);
        self._opened = false;
        self.conn = null;
        self.transport = null;
        self.pending.forEach(function (p) { clearTimeout(p.timer); p.reject(BridgeError({ message: 'connection closed before the reply', failureType: 'CLOSED' })); });
        self.pending.clear();
        if (self._closed) { self._setState('closed'); return; }
        // A transport that never opened may be blocked on this network: try the next one at once.
        // After all of them, or after a session that did open, start again from the best.
        self._next = opened ? 0 : (self._next + 1) % self.transports.length;
        if (!opened && self._next !== 0) { self._connect(); return; }
        self._setState('closed');
        var delay = Math.min(self.reconnectMax, self.reconnectMin * Math.pow(2, self._attempts++));
        self._reconnect = setTimeout(function () { self._connect(); }, delay * (0.75 + Math.random() / 2));
      }
    });
    // A proxy may hold a WebSocket upgrade (or buffer a stream) without ever failing it.
    var giveUp = setTimeout(function () { conn.close(); }, self.openTimeoutMs);
  };

  Bridge.prototype._write = function (frame) {
    if (this._opened) { this.conn.send(JSON.stringify(frame)); return true; }
    return false;
  };

  Bridge.prototype._receive = function (data) {
    var m;
    try { m = JSON.parse(data); } catch (ex) { this.onerror({ message: 'unparsable frame: ' + String(data).slice(0, 200) }); return; }
    if (m.type === 'pong') return;
    var p = m.address && this.pending.get(m.address);
    if (p) {
      this.pending.delete(m.address);
      clearTimeout(p.timer);
      if (m.type === 'err' || m.failureCode !== undefined) p.reject(BridgeError(m)); else p.resolve(m);
      return;
    }
    if (m.type === 'err') { this.onerror(m); return; }
    var hs = m.address && this.handlers.get(m.address);
    if (hs) hs.forEach(function (h) { try { h(m.body, m); } catch (ex) { setTimeout(function () { throw ex; }); } });
  };

  /** Calls handler(body, message) for every message on address; re-registered after a reconnect. */
  Bridge.prototype.register = function (address, handler) {
    if (!this.handlers.has(address)) {
      this.handlers.set(address, new Set());
      this._write({ type: 'register', address: address, headers: {} });
    }
    this.handlers.get(address).add(handler);
  };

  Bridge.prototype.unregister = function (address, handler) {
    var hs = this.handlers.get(address);
    if (!hs) return;
    if (handler) hs.delete(handler); else hs.clear();
    if (hs.size === 0) {
      this.handlers.delete(address);
      this._write({ type: 'unregister', address: address, headers: {} });
    }
  };

  /** Sends body to address; resolves with the reply message {body, headers} or rejects with failureCode/failureType. */
  Bridge.prototype.send = function (address, body, headers) {
    var self = this;
    return new Promise(function (resolve, reject) {
      var replyAddress = uuid();
      var frame = { type: 'send', address: address, body: body, headers: headers || {}, replyAddress: replyAddress };
      if (!self._write(frame)) { reject(BridgeError({ message: 'not connected', failureType: 'NOT_CONNECTED' })); return; }
      var timer = setTimeout(function () {
        self.pending.delete(replyAddress);
        reject(BridgeError({ message: 'no reply within ' + self.replyTimeoutMs + ' ms', failureType: 'TIMEOUT' }));
      }, self.replyTimeoutMs);
      self.pending.set(replyAddress, { resolve: resolve, reject: reject, timer: timer });
    });
  };

  Bridge.prototype.publish = function (address, body, headers) {
    return this._write({ type: 'publish', address: address, body: body, headers: headers || {} });
  };

  Bridge.prototype.close = function () {
    this._closed = true;
    clearTimeout(this._reconnect);
    if (this.conn) this.conn.close();
  };

  /** The bridge's URL on the page's own origin. */
  Bridge.defaultUrl = function () {
    return global.location.origin + '/eventbus';
  };

  Bridge.TRANSPORTS = TRANSPORTS;

  global.GamebusBridge = Bridge;
})(window);
