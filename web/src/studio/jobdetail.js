// One job in detail (GET /api/jobs/{id}): its state and problem, Cancel / Retry as its state
// allows, its curves (one Chart.js chart per series group, growing with the `point` events) and
// the tail of its log, re-read at most every 2 s while the job changes.
import * as api from '../api.js';
import { el, say, formatTime } from './format.js';
import { allowedActions, mergePoint, groupOf, stateOf, formatEta } from './jobstate.js';
import { SeriesChart } from './charts.js';

const $ = (s) => document.querySelector(s);
const LOG_EVERY_MS = 2000;

export class JobDetail {
  constructor(onJob = () => {}) {
    this.onJob = onJob;
    this.jobId = null;
    this.points = new Map(); // series → [{x, y}]
    this.charts = new Map(); // group id → SeriesChart
    this.logTimer = null;
    this.lastLog = 0;
    $('#job-cancel').onclick = () => this.act('cancel');
    $('#job-retry').onclick = () => this.act('retry');
  }

  async show(id) {
    this.jobId = id;
    this.points = new Map();
    for (const c of this.charts.values()) c.destroy();
    this.charts.clear();
    $('#job-chart').dataset.points = '0';
    $('#job-log').textContent = '';
    say($('#job-action-note'), '');
    $('#job-detail').hidden = false;
    await this.reload(true);
  }

  /** Re-reads the job; `full` also draws every point it has. */
  async reload(full = false) {
    const id = this.jobId;
    let job;
    try {
      job = await api.api('GET', `/api/jobs/${id}`);
    } catch (e) {
      return say($('#job-action-note'), `Cannot read job ${id}: ${e.message}`);
    }
    if (id !== this.jobId) return; // another job was selected meanwhile
    this.lastLog = Date.now();
    this.update(job, false);
    this.log(job.log ?? []);
    if (full) {
      for (const p of job.points ?? []) mergePoint(this.points, p);
      for (const series of this.points.keys()) this.draw(series);
    }
  }

  /** A changed Job (from the stream or an action): summary and buttons now, the log soon. */
  update(job, fetchLog = true) {
    const state = stateOf(job);
    $('#job-title').textContent = `#${job.id} ${job.title || job.kind}`;
    const parts = [`${Math.round((Number(job.progress) || 0) * 100)} %`];
    if (job.stage) parts.push(job.stage);
    if (job.etaSeconds != null && state === 'running') parts.push(`about ${formatEta(job.etaSeconds)} left`);
    if (job.feature) parts.push(`unlocks: ${job.feature}`);
    if (job.output) parts.push(`made ${job.output}`);
    if (job.attempts > 1) parts.push(`attempt ${job.attempts}`);
    const when = job.endedAt ? `ended ${formatTime(job.endedAt)}` : job.startedAt ? `started ${formatTime(job.startedAt)}` : `queued ${formatTime(job.createdAt)}`;
    $('#job-summary').replaceChildren(
      el('span', { class: `badge ${state}`, text: state }),
      ' ',
      el('span', { text: parts.join(' · ') }),
      el('div', { class: 'sub', text: `${job.kind} · ${when}${job.requestedBy ? ` · by ${job.requestedBy}` : ''}` }),
      el('div', { class: 'sub' }, 'settings ', el('code', { text: typeof job.settings === 'string' ? job.settings : JSON.stringify(job.settings ?? {}) })),
    );
    const problem = $('#job-problem');
    problem.hidden = !(job.problem || job.fix);
    problem.querySelector('span').textContent = job.problem ?? '';
    problem.querySelector('code').textContent = job.fix ? `Fix: ${job.fix}` : '';
    const allowed = allowedActions(state);
    $('#job-cancel').disabled = !allowed.cancel || Boolean(job.cancelRequested);
    $('#job-retry').disabled = !allowed.retry;
    $('#job-detail').dataset.state = state;
    if (fetchLog) this.scheduleLog();
  }

  scheduleLog() {
    if (this.logTimer) return;
    const wait = Math.max(0, LOG_EVERY_MS - (Date.now() - this.lastLog));
    this.logTimer = setTimeout(() => {
      this.logTimer = null;
      this.reload(false);
    }, wait);
  }

  log(lines) {
    const pre = $('#job-log');
    const atEnd = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
    pre.textContent = lines.join('\n');
    // Follow the tail unless the reader scrolled up to read something.
    if (atEnd || !pre.dataset.scrolled) pre.scrollTop = pre.scrollHeight;
    pre.onscroll = () => (pre.dataset.scrolled = pre.scrollHeight - pre.scrollTop - pre.clientHeight > 24 ? '1' : '');
  }

  /** A `point` event: drawn when it belongs to the job shown. */
  point(p) {
    if (p?.job !== this.jobId) return;
    if (mergePoint(this.points, p)) this.draw(p.series);
  }

  draw(series) {
    const group = groupOf(series);
    let chart = this.charts.get(group.id);
    if (!chart) {
      chart = new SeriesChart($('#job-chart'), { title: group.title, xLabel: 'epoch', id: group.id });
      this.charts.set(group.id, chart);
    }
    chart.setSeries(series, this.points.get(series));
    let total = 0;
    for (const c of this.charts.values()) total += c.points;
    $('#job-chart').dataset.points = String(total);
  }

  async act(action) {
    const id = this.jobId;
    const note = $('#job-action-note');
    try {
      const job = await api.api('POST', `/api/jobs/${id}/${action}`);
      say(note, action === 'cancel' ? 'Cancel requested.' : 'Queued again.', 'info');
      if (job && job.id != null) {
        this.onJob(job);
        if (job.id === this.jobId) this.update(job);
        else if (id === this.jobId) this.show(job.id); // a retry that became a new job
      }
    } catch (e) {
      say(note, e.message);
    }
  }
}
