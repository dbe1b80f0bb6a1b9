/*
 * gamebus console: the form that sends a JSON object to an endpoint's `out` (or `request`)
 * address, to one connection or to all, and shows the reply or the failure.
 */
import { $ } from './dom.js';

export function addressesOf(ep) {
  const a = ep.addresses || {};
  const base = 'gamebus.' + ep.protocol + '.' + ep.name + '.';
  // Only the channels the endpoint lists are writable (a DFHack server has no .out).
  return { in: a.in || base + 'in', out: a.out, status: a.status || base + 'status', request: a.request,
    sent: (a.in || base + 'in').replace(/\.in$/, '.sent') };
}

export function createSendForm(bridge) {
  const el = { form: $('send-form'), address: $('send-address'), connection: $('send-connection'),
    body: $('send-body'), button: $('send-button'), result: $('send-result') };
  let token = 0, inFlight = 0; // token of the send waiting for its reply, 0 = none

  function show(outcome, message) {
    el.result.setAttribute('data-outcome', outcome);
    el.result.className = outcome;
    el.result.textContent = message;
  }

  function refreshAddresses(endpoints) {
    const current = el.address.value;
    const seen = new Set();
    el.address.textContent = '';
    endpoints.forEach((ep) => {
      const a = addressesOf(ep);
      [['out', a.out], ['request', a.request]].forEach(([channel, address]) => {
        if (!address || seen.has(address)) return;
        seen.add(address);
        el.address.add(new Option(ep.protocol + '.' + ep.name + ' → ' + channel + '  (' + address + ')', address));
      });
    });
    if (seen.has(current)) el.address.value = current;
    el.button.disabled = seen.size === 0;
  }

  /** A bridge error that names no address while a send waits: it is that send's answer. */
  function bridgeError(text) {
    if (!inFlight) return;
    inFlight = 0;
    show('failure', text);
    el.button.disabled = false;
  }

  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const address = el.address.value;
    let body;
    try {
      body = JSON.parse(el.body.value);
    } catch (ex) {
      show('invalid', 'Invalid JSON: ' + ex.message);
      el.body.setAttribute('aria-invalid', 'true');
      el.body.focus();
      return;
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      show('invalid', 'Invalid body: a JSON object is expected');
      el.body.setAttribute('aria-invalid', 'true');
      return;
    }
    el.body.removeAttribute('aria-invalid');
    if (!address) { show('invalid', 'No address to send to'); return; }
    const connection = el.connection.value.trim();
    show('pending', 'sending…');
    const mine = inFlight = ++token;
    el.button.disabled = true;
    bridge.send(address, body, connection ? { connection } : {}).then((reply) => {
      if (inFlight === mine) show('ok', JSON.stringify(reply.body));
    }, (err) => {
      if (inFlight !== mine) return;
      show('failure', 'Failure' + (err.failureCode != null ? ' ' + err.failureCode : '') +
        (err.failureType ? ' ' + err.failureType : '') + ': ' + err.message);
    }).then(() => {
      if (inFlight !== mine) return;
      inFlight = 0;
      el.button.disabled = false;
    });
  });

  return {
    refreshAddresses, bridgeError,
    useConnection(id) { el.connection.value = id; el.connection.focus(); }
  };
}
