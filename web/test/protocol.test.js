import { describe, it, expect } from 'vitest';
import * as P from '../src/protocol.js';

describe('protocol messages', () => {
  it('builds a join with and without a portal', () => {
    expect(JSON.parse(P.join('plaza'))).toEqual({ v: 1, type: 'join', space: 'plaza' });
    expect(JSON.parse(P.join('museum', 'to-museum'))).toEqual({ v: 1, type: 'join', space: 'museum', via: 'to-museum' });
  });

  it('rounds move coordinates and demands an increasing integer seq', () => {
    expect(JSON.parse(P.move(1.23456, 2, 0.5, 3))).toEqual({ v: 1, type: 'move', x: 1.235, z: 2, ry: 0.5, seq: 3 });
    expect(() => P.move(1, 2, 0, 0)).toThrow();
    expect(() => P.move(NaN, 2, 0, 1)).toThrow();
  });

  it('trims chat, drops empty text and cuts at 500 characters', () => {
    expect(P.chat('   ')).toBeNull();
    expect(JSON.parse(P.chat(' hi '))).toEqual({ v: 1, type: 'chat', text: 'hi' });
    expect(JSON.parse(P.chat('x'.repeat(600))).text).toHaveLength(500);
  });

  it('builds talk messages for a character and drops empty ones', () => {
    expect(JSON.parse(P.talk('museum-guide', ' Who painted it? '))).toEqual({ v: 1, type: 'talk', character: 'museum-guide', text: 'Who painted it?' });
    expect(P.talk('museum-guide', '  ')).toBeNull();
    expect(JSON.parse(P.talk('nurse', 'y'.repeat(700))).text).toHaveLength(500);
    expect(() => P.talk('', 'hi')).toThrow();
  });

  it('parses the recommendation messages, warming up or ready', () => {
    const shelf = P.parse('{"v":1,"type":"shelf","status":"ready","space":"shop","items":[{"id":"shop/notebook","item":"notebook","name":"Dotted notebook A5","price":8.9,"explanation":"because you liked Washi tape set"}]}');
    expect(shelf.items[0].explanation).toBe('because you liked Washi tape set');
    expect(P.parse('{"v":1,"type":"shelf","status":"warming_up","message":"soon","space":"shop","items":[]}').items).toEqual([]);
    expect(P.parse('{"v":1,"type":"next_lesson","status":"ready","lesson":null,"message":"done"}').lesson).toBeNull();
    expect(() => P.parse('{"v":1,"type":"suggestions","status":"ready","spaces":[]}')).toThrow(/without people/);
  });

  it('builds tour requests and parses the guide\'s moves and tour events', () => {
    expect(JSON.parse(P.tour('iris'))).toEqual({ v: 1, type: 'tour', character: 'iris' });
    expect(() => P.tour('')).toThrow();
    expect(P.parse('{"v":1,"type":"character_move","character":"iris","x":20.5,"z":19.5,"ry":3.14}').x).toBe(20.5);
    const t = P.parse('{"v":1,"type":"tour","character":"iris","visitor":7,"state":"at_stop","stop":{"item":"astrolabe","name":"Brass astrolabe","index":1,"of":7},"text":"Here is Brass astrolabe.","navigator":"policy"}');
    expect(t.stop.index).toBe(1);
    expect(() => P.parse('{"v":1,"type":"tour","character":"iris","visitor":7,"state":"walking"}')).toThrow(/without stop/);
    expect(() => P.parse('{"v":1,"type":"character_move","character":"iris","x":1}')).toThrow(/without z/);
  });

  it('parses the talk stream and rejects a token without its turn', () => {
    expect(P.parse('{"v":1,"type":"talk_token","character":"nurse","turn":3,"text":"Hel"}').text).toBe('Hel');
    expect(P.parse('{"v":1,"type":"talk_end","character":"nurse","turn":3,"text":"Hello","expression":"content","emotion":{},"sources":[],"provider":"embedded","fellBack":false,"withheld":false,"route":"meta"}').turn).toBe(3);
    expect(() => P.parse('{"v":1,"type":"talk_end","character":"nurse","turn":3,"text":"Hello","sources":[]}')).toThrow(/without expression/);
    expect(() => P.parse('{"v":1,"type":"talk_token","character":"nurse","text":"x"}')).toThrow(/turn/);
  });

  it('checks act and moderate arguments', () => {
    expect(JSON.parse(P.act('like', 'mona'))).toEqual({ v: 1, type: 'act', action: 'like', item: 'mona' });
    expect(() => P.act('steal', 'mona')).toThrow();
    expect(JSON.parse(P.moderate('mute', 9, { seconds: 300 }))).toEqual({ v: 1, type: 'moderate', action: 'mute', target: 9, seconds: 300 });
    expect(() => P.moderate('kick', '9')).toThrow();
  });

  it('parses server messages and rejects bad ones with a reason', () => {
    const d = P.parse('{"v":1,"type":"delta","tick":3,"moved":[{"id":9,"x":1,"z":2,"ry":0,"seq":1}],"entered":[],"exited":[]}');
    expect(d.moved[0].seq).toBe(1);
    expect(() => P.parse('{"v":1,"type":"delta","tick":3,"moved":[]}')).toThrow(/without entered/);
    expect(() => P.parse('nope')).toThrow(/not JSON/);
    expect(() => P.parse('{"v":2,"type":"pong","t":1}')).toThrow(/version 2/);
    expect(() => P.parse('{"v":1,"type":"warp"}')).toThrow(/unknown message type/);
    expect(() => P.parse('{"v":1,"type":"chat","text":"x"}')).toThrow(/without from/);
  });

  it('backs off exponentially up to 30 s', () => {
    expect(P.backoff(0, () => 0.5)).toBe(1000);
    expect(P.backoff(3, () => 0.5)).toBe(8000);
    expect(P.backoff(50, () => 0.5)).toBe(30000);
  });

  it('sends moves at most every 100 ms and once more on stopping', () => {
    const t = new P.MoveThrottle(100);
    const sent = [];
    for (let now = 0; now <= 1000; now += 16) {
      const m = t.update(now, now / 100, 0, 0, now < 500);
      if (m) sent.push({ now, ...JSON.parse(m) });
    }
    const moving = sent.filter((m) => m.now < 500);
    expect(moving.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i].now - sent[i - 1].now).toBeGreaterThanOrEqual(100);
      expect(sent[i].seq).toBe(sent[i - 1].seq + 1);
    }
    const stops = sent.filter((m) => m.now >= 500);
    expect(stops).toHaveLength(1);
  });
});

describe('try-on messages', () => {
  it('builds try_on for products, uploads and designs and refuses other kinds', async () => {
    const P = await import('../src/protocol.js');
    expect(JSON.parse(P.tryOn('product', 'cotton-tee'))).toEqual({ v: 1, type: 'try_on', garment: { kind: 'product', id: 'cotton-tee' } });
    expect(JSON.parse(P.tryOn('upload', 'tok_123')).garment.kind).toBe('upload');
    expect(() => P.tryOn('', 'x')).toThrow(/kind/);
    expect(() => P.tryOn('product', '')).toThrow(/id/);
    expect(JSON.parse(P.takeOff())).toEqual({ v: 1, type: 'take_off' });
  });

  it('parses outfit events (wearing and taken off) and the assistant line', async () => {
    const P = await import('../src/protocol.js');
    const on = P.parse('{"v":1,"type":"outfit","id":7,"outfit":{"source":"product","id":"jeans","name":"Jeans","category":"Trouser","picture":"data:image/png;base64,AA"}}');
    expect(on.outfit.category).toBe('Trouser');
    expect(P.parse('{"v":1,"type":"outfit","id":7,"outfit":null}').outfit).toBeNull();
    expect(() => P.parse('{"v":1,"type":"outfit","outfit":null}')).toThrow(/without id/);
    expect(P.parse('{"v":1,"type":"says","character":"mina","text":"That looks like a coat"}').text).toContain('coat');
  });
});

describe('the protocol document', () => {
  it('builds every documented client example and refuses the counter-examples', async () => {
    const schema = (await import('../../protocol/worldmind-ws.json')).default;
    // Which characters may be shown is the server's rule (Unicode data it has, the browser may not).
    const invisible = /[\p{Cc}\p{Cf}]/u;
    for (const [type, spec] of Object.entries(schema.clientToServer)) {
      for (const ex of spec.examples) expect(JSON.parse(P.message(type, ex))).toMatchObject({ v: 1, type });
      for (const bad of spec.counterExamples ?? []) {
        if (invisible.test(JSON.stringify(bad))) continue;
        expect(() => P.message(type, bad), `${type} ${JSON.stringify(bad)}`).toThrow(TypeError);
      }
    }
  });

  it('builds emotes and refuses unknown ones', () => {
    expect(JSON.parse(P.message('emote', { emote: 'wave' }))).toEqual({ v: 1, type: 'emote', emote: 'wave' });
    expect(() => P.message('emote', { emote: 'moonwalk' })).toThrow(/one of wave, clap, dance, sit, point/);
    expect(() => P.message('teleport', {})).toThrow(/unknown message type/);
    expect(P.parse('{"v":1,"type":"emote","id":7,"emote":"clap"}').emote).toBe('clap');
  });
});
