import { describe, it, expect } from 'vitest';
import { queuedMessage, allowedActions, mergePoint, pointsBySeries, groupOf, upsertJob, formatEta, parseSettings, exampleText, KINDS, EXAMPLES } from '../src/studio/jobstate.js';

describe('job actions by state', () => {
  it('cancels what has not ended and retries what did not finish', () => {
    const table = Object.fromEntries(['queued', 'running', 'blocked', 'failed', 'cancelled', 'done'].map((s) => [s, allowedActions(s)]));
    expect(table).toEqual({
      queued: { cancel: true, retry: false },
      running: { cancel: true, retry: false },
      blocked: { cancel: true, retry: true },
      failed: { cancel: false, retry: true },
      cancelled: { cancel: false, retry: true },
      done: { cancel: false, retry: false },
    });
    expect(allowedActions('RUNNING').cancel).toBe(true);
    expect(allowedActions(undefined)).toEqual({ cancel: false, retry: false });
  });
});

describe('curve points', () => {
  it('merges stream points into the detail points in x order without doubles', () => {
    const m = pointsBySeries([
      { series: 'loss', x: 1, y: 0.5 },
      { series: 'loss', x: 0.5, y: 0.9 },
      { series: 'accuracy', x: 1, y: 0.8 },
    ]);
    expect(m.get('loss').map((p) => p.x)).toEqual([0.5, 1]);
    expect(mergePoint(m, { job: 3, series: 'loss', x: 1, y: 0.5 })).toBe(false);
    expect(mergePoint(m, { job: 3, series: 'loss', x: 1.25, y: 0.31 })).toBe(true);
    expect(mergePoint(m, { series: 'loss', x: 0.75, y: 0.7 })).toBe(true);
    expect(m.get('loss')).toEqual([{ x: 0.5, y: 0.9 }, { x: 0.75, y: 0.7 }, { x: 1, y: 0.5 }, { x: 1.25, y: 0.31 }]);
    expect(mergePoint(m, { series: 'loss', x: 1, y: 0.45 })).toBe(true);
    expect(m.get('loss')[2]).toEqual({ x: 1, y: 0.45 });
    expect(mergePoint(m, { series: 'loss', x: 'NaN', y: 1 })).toBe(false);
    expect(mergePoint(m, { x: 1, y: 1 })).toBe(false);
  });

  it('puts loss-like and accuracy-like series on shared charts', () => {
    expect(groupOf('loss').id).toBe('loss');
    expect(groupOf('validationLoss').id).toBe('loss');
    expect(groupOf('validationAccuracy').id).toBe('accuracy');
    expect(groupOf('reward').id).toBe('reward');
    expect(groupOf('fid').id).toBe('fid');
    expect(groupOf('generatorLoss').id).toBe('loss');
    expect(groupOf('entropy')).toEqual({ id: 'series-entropy', title: 'entropy' });
  });
});

describe('the queue and the form', () => {
  it('keeps one entry per job, newest first', () => {
    let jobs = upsertJob([], { id: 1, state: 'queued' });
    jobs = upsertJob(jobs, { id: 2, state: 'queued' });
    jobs = upsertJob(jobs, { id: 1, state: 'running' });
    expect(jobs).toEqual([{ id: 2, state: 'queued' }, { id: 1, state: 'running' }]);
  });

  it('says how long is left', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(45)).toBe('45 s');
    expect(formatEta(180)).toBe('3 min');
    expect(formatEta(4800)).toBe('1 h 20 min');
  });

  it('offers an example for every kind and checks the settings', () => {
    for (const k of KINDS) expect(JSON.parse(exampleText(k))).toEqual(EXAMPLES[k]);
    expect(exampleText('train')).toBe('{"dataset":"mnist","epochs":1}');
    expect(parseSettings('{"epochs": 2}')).toEqual({ settings: { epochs: 2 } });
    expect(parseSettings('')).toEqual({ settings: {} });
    expect(parseSettings('[1]').error).toMatch(/object/);
    expect(parseSettings('{epochs').error).toMatch(/not valid JSON/);
  });
});

describe('queueing', () => {
  it('says when the server found the same job already waiting', () => {
    expect(queuedMessage({ id: 7 })).toBe('Queued as job 7.');
    expect(queuedMessage({ id: 7, deduplicated: true })).toBe('Already queued as job 7.');
  });
});
