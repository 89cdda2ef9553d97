// The Evaluations tab: registered models that are not image classifiers (recommenders, text
// classifiers, language models, …) — one table per model, its versions as rows and every metric
// any version has as a column.
import { el, td, th, say, formatTime } from './format.js';
import { kindOf, isImageClassifier, metricNames, formatMetric } from './catalog.js';

const $ = (s) => document.querySelector(s);

export async function open(ctx) {
  await load(ctx, false);
}

export function shown(ctx) {
  load(ctx, true);
}

async function load(ctx, fresh) {
  const models = await ctx.modelsFor($('#evaluations-note'), fresh);
  if (!models) return;
  const others = models.filter((m) => !isImageClassifier(m)).sort((a, b) => a.name.localeCompare(b.name));
  say($('#evaluations-note'), others.length ? '' : 'No recommender or language models are registered yet (queue an "rl" or "language" job, or train one from the command line).', 'info');
  $('#evaluations').replaceChildren(...others.map(modelTable));
}

function modelTable(m) {
  const versions = [...(m.versions ?? [])].sort((a, b) => b.version - a.version);
  const names = metricNames(versions);
  const head = el('tr', {}, th('Version'), th('Registered'), ...names.map((n) => th(n)));
  const rows = versions.map((v) =>
    el(
      'tr',
      { 'data-ref': `${m.name}:${v.version}` },
      td(`v${v.version}${m.aliases?.stable === v.version ? ' (stable)' : ''}`, { title: v.problem || '' }),
      td(formatTime(v.createdAt)),
      ...names.map((n) => td(formatMetric(v.metrics?.[n]))),
    ),
  );
  return el(
    'div',
    { class: 'card', 'data-model': m.name },
    el('h3', { text: m.name }, el('span', { class: 'sub', text: ` ${kindOf(m)}` })),
    el('table', { class: 'evaluation' }, el('thead', {}, head), el('tbody', {}, ...rows)),
  );
}
