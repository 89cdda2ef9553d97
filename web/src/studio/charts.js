// Line charts with Chart.js: one chart per group of series (x = epoch or step), points appended as
// they arrive. Only the parts of Chart.js a line chart needs are registered, so the bundle stays
// small. Each canvas carries data-points = how many points it draws, for the browser tests.
import { Chart, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Title } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Title);

const COLOURS = ['#2f6fdb', '#e0823b', '#2a9d61', '#b23ad1', '#d63a3a', '#6b7480'];
const LABELS = {
  loss: 'training loss',
  validationLoss: 'validation loss',
  accuracy: 'training accuracy',
  validationAccuracy: 'validation accuracy',
  trainLoss: 'training loss',
  trainAccuracy: 'training accuracy',
};

/** A Chart.js line chart in a new canvas appended to `container`. */
export class SeriesChart {
  constructor(container, { title, xLabel = 'epoch', id } = {}) {
    this.canvas = document.createElement('canvas');
    this.canvas.dataset.points = '0';
    if (id) this.canvas.dataset.group = id;
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.append(this.canvas);
    container.append(box);
    this.box = box;
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        plugins: { title: { display: Boolean(title), text: title }, legend: { position: 'bottom' } },
        scales: { x: { type: 'linear', title: { display: true, text: xLabel } }, y: { type: 'linear' } },
      },
    });
  }

  dataset(series) {
    let d = this.chart.data.datasets.find((s) => s.series === series);
    if (!d) {
      const colour = COLOURS[this.chart.data.datasets.length % COLOURS.length];
      d = { series, label: LABELS[series] ?? series, data: [], borderColor: colour, backgroundColor: colour, pointRadius: 2, borderWidth: 2, tension: 0 };
      this.chart.data.datasets.push(d);
    }
    return d;
  }

  /** Replaces a series' points ({x, y} sorted by x) and redraws. */
  setSeries(series, points) {
    this.dataset(series).data = points.map((p) => ({ x: p.x, y: p.y }));
    this.redraw();
  }

  /** How many points the chart draws. */
  get points() {
    return this.chart.data.datasets.reduce((n, d) => n + d.data.length, 0);
  }

  redraw() {
    this.chart.update('none');
    this.canvas.dataset.points = String(this.points);
  }

  destroy() {
    this.chart.destroy();
    this.box.remove();
  }
}

/** A chart of the given series (a Map name → points) in `container`, or null when all are empty. */
export function staticChart(container, title, bySeries, xLabel = 'epoch') {
  const present = [...bySeries].filter(([, pts]) => pts.length);
  if (!present.length) return null;
  const c = new SeriesChart(container, { title, xLabel });
  for (const [series, pts] of present) c.dataset(series).data = pts;
  c.redraw();
  return c;
}
