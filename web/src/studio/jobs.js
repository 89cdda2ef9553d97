// The Jobs tab: the queue (GET /api/jobs), kept live by server-sent events (/api/jobs/events:
// `job` = a Job whenever one changes, `point` = a curve point), the "New job" form and the
// selected job's detail (jobdetail.js).
import * as api from '../api.js';
import { el, td, say } from './format.js';
import { KINDS, exampleText, parseSettings, upsertJob, stateOf, formatEta, queuedMessage } from './jobstate.js';
import { JobDetail } from './jobdetail.js';

const $ = (s) => document.querySelector(s);

let jobs = [];
let detail = null;
let stream = null;
let missed = false; // the stream was down: re-read the queue when it is back

export async function open() {
  detail = new JobDetail(onJob);
  form();
  $('#jobs-table tbody').onclick = (e) => {
    const tr = e.target.closest('tr[data-job-id]');
    if (tr) select(Number(tr.dataset.jobId));
  };
  await load();
  connect();
}

export function shown() {}

async function load() {
  try {
    const answer = await api.api('GET', '/api/jobs');
    jobs = [...(Array.isArray(answer) ? answer : answer?.jobs ?? [])].sort((a, b) => b.id - a.id);
    say($('#jobs-note'), jobs.length ? '' : 'No jobs yet: queue one below.', 'info');
    render();
  } catch (e) {
    say($('#jobs-note'), `Cannot list the jobs: ${e.message}`);
  }
}

function connect() {
  const live = $('#jobs-live');
  stream = new EventSource('/api/jobs/events');
  stream.addEventListener('job', (e) => onJob(JSON.parse(e.data)));
  stream.addEventListener('point', (e) => detail.point(JSON.parse(e.data)));
  stream.onopen = () => {
    live.textContent = '● live';
    live.dataset.state = 'live';
    // Catch up with what changed while the stream was down.
    if (missed) load();
    missed = false;
  };
  stream.onerror = (e) => {
    missed = true;
    live.dataset.state = 'down';
    if (e?.data || stream.readyState === EventSource.CLOSED) {
      // The server refused the stream (logged out, or too many open streams, said in e.data):
      // try again later rather than at the browser's reconnect pace.
      stream.close();
      live.textContent = `○ not live${e?.data ? `: ${e.data}` : ''} (retrying in 15 s)`;
      stream = null;
      setTimeout(connect, 15000);
    } else {
      live.textContent = '○ reconnecting…';
    }
  };
}

function onJob(job) {
  if (!job || job.id == null) return;
  jobs = upsertJob(jobs, job);
  render();
  if (detail?.jobId === job.id) detail.update(job);
}

function render() {
  $('#jobs-table tbody').replaceChildren(...jobs.map(jobRow));
}

function jobRow(j) {
  const state = stateOf(j);
  const tr = el('tr', { 'data-job-id': j.id, 'data-state': state, class: detail?.jobId === j.id ? 'selected' : '' });
  const title = el('td', {}, el('div', { text: j.title || j.kind }), el('div', { class: 'sub', text: j.kind }));
  const badge = el('td', {}, el('span', { class: `badge ${state}`, text: state }));
  const pct = Math.round(Math.max(0, Math.min(1, Number(j.progress) || 0)) * 100);
  const bar = el('td', { class: 'progress' }, el('progress', { max: 100, value: pct }), el('span', { class: 'sub', text: ` ${pct} %` }));
  const stage = el('td', {}, el('div', { text: j.stage ?? '' }));
  if ((state === 'blocked' || state === 'failed') && (j.problem || j.fix)) {
    if (j.problem) stage.append(el('div', { class: 'problem', text: j.problem }));
    if (j.fix) stage.append(el('div', { class: 'fix' }, 'Fix: ', el('code', { text: j.fix })));
  }
  const eta = state === 'running' || state === 'queued' ? formatEta(j.etaSeconds) : '';
  tr.append(td(j.id), title, badge, bar, stage, td(eta), td(j.feature ?? ''));
  return tr;
}

async function select(id) {
  for (const tr of document.querySelectorAll('#jobs-table tr[data-job-id]')) tr.classList.toggle('selected', Number(tr.dataset.jobId) === id);
  await detail.show(id);
}

/** Adds the server's descriptions (GET /api/jobs/kinds) as titles, and kinds this page does not know. */
async function describeKinds(select) {
  let answer;
  try {
    answer = await api.api('GET', '/api/jobs/kinds');
  } catch {
    return; // an older server: the built-in list stands
  }
  for (const k of answer?.kinds ?? []) {
    let option = [...select.options].find((o) => o.value === k.id);
    if (!option) select.add((option = new Option(k.id, k.id)));
    option.title = k.description ?? '';
  }
}

function form() {
  const kind = $('#job-kind'), text = $('#job-settings'), msg = $('#job-message');
  for (const k of KINDS) kind.add(new Option(k, k));
  text.value = exampleText(kind.value);
  describeKinds(kind);
  kind.onchange = () => {
    text.value = exampleText(kind.value);
    say(msg, '');
  };
  $('#job-form').onsubmit = async (e) => {
    e.preventDefault();
    const parsed = parseSettings(text.value);
    if (parsed.error) return say(msg, parsed.error);
    $('#job-submit').disabled = true;
    try {
      const job = await api.api('POST', '/api/jobs', { kind: kind.value, settings: parsed.settings });
      onJob(job);
      say(msg, queuedMessage(job), 'info');
      select(job.id);
    } catch (err) {
      say(msg, err.message);
    } finally {
      $('#job-submit').disabled = false;
    }
  };
}
