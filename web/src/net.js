// The WebSocket connection: parses frames, reconnects with backoff when the socket drops (unless
// told not to, e.g. after a kick or ban) and measures latency with ping/pong.
import { parse, backoff, ping } from './protocol.js';

export class Connection {
  /**
   * handlers: onOpen(), onMessage(msg), onClose({code, reason, wasOpen, retryIn}), onBadFrame(err)
   */
  constructor(handlers) {
    this.h = handlers;
    this.ws = null;
    this.attempt = 0;
    this.reconnect = true;
    this.timer = null;
    this.pinger = null;
    this.latency = null;
  }

  get open() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  connect() {
    clearTimeout(this.timer);
    this.reconnect = true;
    const url = (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws';
    const ws = new WebSocket(url);
    this.ws = ws;
    let wasOpen = false;
    ws.onopen = () => {
      wasOpen = true;
      this.attempt = 0;
      this.pinger = setInterval(() => this.send(ping(performance.now())), 5000);
      this.h.onOpen?.();
    };
    ws.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      let m;
      try {
        m = parse(e.data);
      } catch (err) {
        this.h.onBadFrame?.(err);
        return;
      }
      if (m.type === 'pong' && typeof m.t === 'number') this.latency = Math.round(performance.now() - m.t);
      this.h.onMessage(m);
    };
    ws.onclose = (e) => {
      clearInterval(this.pinger);
      if (this.ws !== ws) return;
      this.ws = null;
      // 4000: this account opened a newer connection (another tab); reconnecting would take it back.
      // 4401: the session ended (logout elsewhere, password change, expiry); only a new login helps.
      if (e.code === 4000 || e.code === 4401) this.reconnect = false;
      const retryIn = this.reconnect ? backoff(this.attempt++) : null;
      if (retryIn != null) this.timer = setTimeout(() => this.connect(), retryIn);
      this.h.onClose?.({ code: e.code, reason: e.reason, wasOpen, retryIn });
    };
  }

  send(text) {
    if (text && this.open) {
      this.ws.send(text);
      return true;
    }
    return false;
  }

  /** Closes for good (logout, kick, ban): no reconnect. */
  close() {
    this.reconnect = false;
    clearTimeout(this.timer);
    clearInterval(this.pinger);
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close(1000, 'bye');
  }
}
