// Time-series charts on uPlot: stacked bars (verifications by outcome, rate-limit decisions) and
// lines (latency percentiles). uPlot has no stacking of its own, so stackedChart() draws each
// series as the running sum up to it, tallest first, and keeps the raw values for the readout.
// Charts follow the container's width and are rebuilt with the theme's colours when it changes;
// axis labels are formatted for the console's locale.
import uPlot from 'uplot';
import { axisTimes, compactCount, decimal, micros } from './format.js';
import { cssVar, onThemeChange } from './theme.js';
import { timeAxis, timeLabelOverhang } from './timeaxis.js';

const COUNT_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1e3, 2e3, 2.5e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5,
  5e5, 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9];
const FONT_SIZE = 11;
const FONT = `${FONT_SIZE}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
const TICK_SIZE = 4;

function axes(format) {
  const stroke = cssVar('--chart-axis');
  const grid = { stroke: cssVar('--chart-grid'), width: 1 };
  const ticks = { stroke: cssVar('--chart-grid'), width: 1, size: TICK_SIZE };
  return [
    // Times and dates in the console's locale (uPlot's own labels are English, 12-hour).
    { stroke, grid: { show: false }, ticks, font: FONT, ...timeAxis({ font: FONT, fontSize: FONT_SIZE, tickSize: TICK_SIZE }),
      values: (u, splits, axis, space, step) => axisTimes(splits, step) },
    { stroke, grid, ticks, font: FONT, size: 52, values: (u, values) => values.map(format) },
  ];
}

// Least room (px) between two labelled lines of a full-size chart's y axis (uPlot's own default).
const Y_SPACE = 30;
// The most a time axis and the padding above the plot take of a chart's height (timeaxis.js: two
// lines of labels), for the y steps that fit before uPlot has laid the plot out.
const NOT_PLOT = 53;

/**
 * The y axis' step and top for values up to @p max: the smallest step of which at most @p most
 * fit, and the top a whole step at or above @p max, at least @p least steps, so every bar stands
 * under a labelled line (a top of max * 1.1 left a 220 bar over the highest line, "200").
 */
function ySteps(max, most, least) {
  const step = COUNT_STEPS.find((candidate) => candidate * most >= max) ?? COUNT_STEPS.at(-1);
  return { step, top: step * Math.max(least, Math.ceil(max / step)) };
}

/**
 * Sets @p options' y scale to end at a labelled line: from 0 to the top @p fit (max → ySteps())
 * gives for the highest value shown, a grid line and label at each step.
 */
function stepYAxis(options, fit) {
  let steps = fit(0);
  options.scales.y = { range: (u, min, max) => {
    steps = fit(max ?? 0);
    return [0, steps.top];
  } };
  options.axes[1].splits = () => Array.from({ length: steps.top / steps.step + 1 }, (unused, i) => i * steps.step);
  options.axes[1].space = 10; // uPlot draws no axis where no step has this room
}

class Chart {
  /**
   * @param {boolean} fewYTicks  0 and two or three steps on the y axis (a short chart)
   * @param {number} bucketSeconds  how long a bucket is: the x range ends where the last one does
   * @param onHover  (bucket index or null, cursor x in CSS px)
   * @param onPlotArea  ({left, top, width, height} in CSS px of the container): where the plot is
   * @param {boolean} fill  as tall as the container (laid out by its stylesheet), @p height until it is
   */
  constructor(container, { height = 220, fewYTicks = false, bucketSeconds = 1, onHover, onPlotArea, fill = false } = {}) {
    this.container = container;
    this.height = height;
    this.fill = fill;
    this.fewYTicks = fewYTicks;
    this.bucketSeconds = bucketSeconds;
    this.onHover = onHover;
    this.onPlotArea = onPlotArea;
    this.plot = null;
    this.data = null;
    // Resized one frame later, at most one frame pending: resizing the plot inside the observer's
    // callback changes the sizes it observes in the same frame, which Chromium reports as
    // "ResizeObserver loop limit exceeded" (as tiles.js does).
    this.pendingResize = 0;
    this.resizer = new ResizeObserver(() => {
      if (!this.pendingResize) this.pendingResize = requestAnimationFrame(() => {
        this.pendingResize = 0;
        this.resize();
      });
    });
    this.resizer.observe(container);
    this.unsubscribeTheme = onThemeChange(() => this.rebuild());
  }

  width() {
    return Math.max(240, this.container.clientWidth);
  }

  /** As many y steps as a full-size chart of this height has room for, 30 px apart at least. */
  mostYSteps() {
    return Math.max(2, Math.floor((this.height - NOT_PLOT) / Y_SPACE));
  }

  /** The chart's height: its container's where it fills it (the compact summary), else its own. */
  chartHeight() {
    return this.fill && this.container.clientHeight > 0 ? this.container.clientHeight : this.height;
  }

  resize() {
    if (this.plot && (Math.abs(this.plot.width - this.width()) > 1 || Math.abs(this.plot.height - this.chartHeight()) > 1)) {
      this.plot.setSize({ width: this.width(), height: this.chartHeight() });
    }
  }

  baseOptions(format) {
    return {
      width: this.width(),
      height: this.chartHeight(),
      legend: { show: false },
      cursor: { points: { show: false }, drag: { x: false, y: false, setScale: false } },
      axes: axes(format),
      // Above the plot half a y label; right of it half an x label, so the last time is whole.
      padding: [Math.ceil(FONT_SIZE / 2) + 4, timeLabelOverhang(FONT), null, null],
      hooks: {
        setCursor: [(u) => this.onHover?.(u.cursor.idx ?? null, u.cursor.left)],
        // Also when the time axis changes height (one line of labels or two).
        setSize: [(u) => this.onPlotArea?.(Object.fromEntries(['left', 'top', 'width', 'height']
          .map((side) => [side, u.bbox[side] / devicePixelRatio])))],
      },
    };
  }

  /**
   * The time scale of every chart: from the first bucket's start to the last one's end, the end
   * of the chosen window, so charts side by side share their time axis (the latency chart's
   * stopped at its last point, a bucket short of the bar chart's next to it).
   */
  timeScale() {
    return { time: true, range: (u, min, max) => [min, max + this.bucketSeconds] };
  }

  rebuild() {
    this.plot?.destroy();
    this.plot = null;
    if (this.data) this.render();
  }

  destroy() {
    this.resizer.disconnect();
    cancelAnimationFrame(this.pendingResize);
    this.pendingResize = 0;
    this.unsubscribeTheme();
    this.plot?.destroy();
  }
}

/** Stacked bars over time. series: [{id, label, color}] bottom to top; buckets in seconds. */
export class StackedChart extends Chart {
  constructor(container, { series, ...options }) {
    super(container, options);
    this.series = series;
  }

  /** @param {number[]} times  bucket starts in ms  @param {Object<string, number[]>} values by series id */
  setData(times, values, bucketSeconds = this.bucketSeconds) {
    const rebuild = bucketSeconds !== this.bucketSeconds || !this.plot;
    this.bucketSeconds = bucketSeconds;
    this.data = { times, values };
    if (rebuild) this.rebuild();
    else this.plot.setData(this.stacked());
  }

  stacked() {
    const { times, values } = this.data;
    const running = new Array(times.length).fill(0);
    const sums = this.series.map((serie) => {
      const raw = values[serie.id] ?? [];
      return running.map((sum, i) => (running[i] = sum + (raw[i] ?? 0)));
    });
    return [times.map((ms) => ms / 1000), ...sums.reverse()];
  }

  render() {
    const bars = uPlot.paths.bars({ size: [0.86, 48], align: 1, gap: 1 });
    const options = this.baseOptions(compactCount);
    // A short chart: 0 and two or three steps (uPlot's spacing left the compact summary's 120 px
    // chart only "0" and "100"), with a little room over the highest bar.
    const fit = this.fewYTicks ? (max) => ySteps(Math.max(4, max * 1.05), 3, 2)
      : (max) => ySteps(Math.max(4, max), this.mostYSteps(), 1);
    options.scales = { x: this.timeScale() };
    stepYAxis(options, fit);
    options.series = [{}, ...[...this.series].reverse().map((serie) => ({
      label: serie.label, stroke: serie.color, fill: serie.color, width: 0, paths: bars, points: { show: false },
    }))];
    this.plot = new uPlot(options, this.stacked(), this.container);
  }
}

/** Latency percentiles (µs) over time as lines. */
export class LatencyChart extends Chart {
  /**
   * @param {number[]} totals  verifications per bucket: buckets without any are gaps, not 0 µs
   * @param {number} bucketSeconds  the buckets' length (the x range ends where the last one does)
   */
  setData(times, p50, p99, totals, bucketSeconds = this.bucketSeconds) {
    this.data = { times, p50, p99, totals };
    this.bucketSeconds = bucketSeconds;
    if (!this.plot) this.render();
    else this.plot.setData(this.series());
  }

  series() {
    const gap = (values) => values.map((value, i) => (this.data.totals[i] > 0 ? value : null));
    return [this.data.times.map((ms) => ms / 1000), gap(this.data.p50), gap(this.data.p99)];
  }

  render() {
    // The axis' 0 is a tick, not a measured "<1 µs".
    const options = this.baseOptions((value) => (value === 0 ? decimal(0) : micros(value)));
    // As the bar charts: the top a labelled line at or over the highest p99 (max * 1.15 left the
    // highest point between lines, its height unlabelled), 100 µs at least.
    options.scales = { x: this.timeScale() };
    stepYAxis(options, (max) => ySteps(Math.max(100, max), this.mostYSteps(), 1));
    const line = (label, color, dash) => ({
      label, stroke: color, width: 2, dash, spanGaps: true, points: { show: true, size: 4, fill: color },
    });
    options.series = [{}, line('p50', cssVar('--chart-p50'), undefined), line('p99', cssVar('--chart-p99'), [6, 4])];
    this.plot = new uPlot(options, this.series(), this.container);
  }
}
