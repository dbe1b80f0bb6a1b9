/*
 * gamebus — a small Vert.x event-bus bridge client over the raw WebSocket (/eventbus/websocket).
 * Wire format: JSON text frames {type: register|unregister|send|publish|ping} to the server and
 * {type: rec|err} from it. Registrations survive reconnects; send() returns a Promise of the reply.
 * No dependencies. Exposes window.GamebusBridge.
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

  function Bridge(url, options) {
    options = options || {};
    this.url = url;
    this.pingMs = options.pingMs || 5000;
    this.replyTimeoutMs = options.replyTimeoutMs || 30000;
    this.reconnectMin = options.reconnectMinMs || 500;
    this.reconnectMax = options.reconnectMaxMs || 10000;
    this.handlers = new Map(); // address -> Set<function(body, message)>
    this.pending = new Map();  // replyAddress -> {resolve, reject, timer}
    this.state = 'connecting'; // connecting | open | closed
    this.onstate = function () {};
    this.onerror = function () {};
    this._attempts = 0;
    this._closed = false;
    this._connect();
  }

  Bridge.prototype._setState = function (s) {
    if (this.state !== s) { this.state = s; this.onstate(s); }
  };

  Bridge.prototype._connect = function () {
    var self = this;
    self._setState('connecting');
    var ws = self.ws = new WebSocket(self.url);
    ws.binaryType = 'arraybuffer'; // Vert.x writes bridge frames on the raw WebSocket as binary frames
    ws.onopen = function () {
      self._attempts = 0;
      self.handlers.forEach(function (_, address) { self._write({ type: 'register', address: address, headers: {} }); });
      self._write({ type: 'ping' });
      self._ping = setInterval(function () { self._write({ type: 'ping' }); }, self.pingMs);
      self._setState('open');
    };
    ws.onmessage = function (e) { self._receive(e.data); };
    ws.onclose = function () {
      clearInterval(self._ping);
      self.pending.forEach(function (p) { clearTimeout(p.timer); p.reject(BridgeError({ message: 'connection closed before the reply', failureType: 'CLOSED' })); });
      self.pending.clear();
      self._setState('closed');
      if (self._closed) return;
      var delay = Math.min(self.reconnectMax, self.reconnectMin * Math.pow(2, self._attempts++));
      self._reconnect = setTimeout(function () { self._connect(); }, delay * (0.75 + Math.random() / 2));
    };
    ws.onerror = function () { /* onclose follows and schedules the reconnect */ };
  };

  Bridge.prototype._write = function (frame) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) { this.ws.send(JSON.stringify(frame)); return true; }
    return false;
  };

  var utf8 = new TextDecoder('utf-8');

  Bridge.prototype._receive = function (data) {
    var m;
    if (typeof data !== 'string') data = utf8.decode(data);
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
    if (this.ws) this.ws.close();
  };

  /** ws:// or wss:// URL of the bridge on the page's own origin. */
  Bridge.defaultUrl = function () {
    return (global.location.protocol === 'https:' ? 'wss://' : 'ws://') + global.location.host + '/eventbus/websocket';
  };

  global.GamebusBridge = Bridge;
})(window);
