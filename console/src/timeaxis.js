// The time (x) axis of every chart, spaced by what its labels need in the console's language:
// uPlot's fixed minimum spacing (80 px) let 69 px wide "09:51:45 PM" labels crowd each other and
// does not know how wide a label is, so the last one could end outside the canvas. Here the
// widest label a step can produce is measured in the axis font, and a step is taken only where
// its labels stand apart by most of a label's width (GAP).
import { axisTimes } from './format.js';
import { currentLocale } from './i18n.js';

// The steps (s) the axis may take: a subset of uPlot's own time increments, so its time splits
// place them on whole seconds, minutes, hours and days.
const STEPS = [1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
  86400, 2 * 86400, 3 * 86400, 7 * 86400, 15 * 86400, 30 * 86400];
const LINE_GAP = 1.5; // uPlot's line height of multi-line labels, in font sizes
// The room between two labels, in label widths: 53 px between "09:51:45 PM"s (0.77) read as crowded.
const GAP = 0.8;

const widths = new Map();
let measuring = null;

/** What axisTimes() writes for a step: seconds, minutes, hours (date under), days. */
function labelKind(step) {
  if (step < 60) return 'seconds';
  if (step < 3600) return 'minutes';
  return step < 86400 ? 'hours' : 'days';
}

/**
 * The widest label line of @p step's kind in @p font (CSS px): times before and after noon and
 * dates of every month, as the locale writes them ("10:58:58 AM", "22:58:58", "28. Sept.").
 */
function labelWidth(step, font) {
  const id = `${currentLocale()}|${font}|${labelKind(step)}`;
  if (!widths.has(id)) {
    measuring ??= document.createElement('canvas').getContext('2d');
    measuring.font = font;
    const samples = [];
    for (let month = 0; month < 12; ++month) {
      for (const hour of [10, 22]) samples.push(new Date(2026, month, 28, hour, 58, 58).getTime() / 1000);
    }
    // Each sample on a day of its own: the hour steps' labels all carry their date line.
    const lines = axisTimes(samples, step).flatMap((label) => label.split('\n'));
    widths.set(id, Math.ceil(Math.max(...lines.map((line) => measuring.measureText(line).width))));
  }
  return widths.get(id);
}

/**
 * The x axis options for times in seconds, labels in @p font of @p fontSize px under ticks of
 * @p tickSize px: its steps, its spacing and its height (one line of labels, or two where dates
 * stand under the times; uPlot's fixed 50 px took a third of the compact summary's chart).
 */
export function timeAxis({ font, fontSize, tickSize }) {
  const gap = 5;
  return {
    incrs: STEPS,
    gap,
    // The first step whose labels have their gap; the space returned is that step's
    // own (a hair less), so uPlot takes exactly it and not a finer step with wider labels.
    space: (u, axisIndex, min, max, plotWidth) => {
      const perSecond = plotWidth / (max - min);
      if (!Number.isFinite(perSecond) || perSecond <= 0) return 80;
      const step = STEPS.find((candidate) => candidate * perSecond >= (1 + GAP) * labelWidth(candidate, font)) ?? STEPS.at(-1);
      return step * perSecond - 0.5;
    },
    size: (u, values) => {
      const lines = values?.some((value) => String(value ?? '').includes('\n')) ? 2 : 1;
      return tickSize + gap + Math.ceil(fontSize * (1 + LINE_GAP * (lines - 1))) + 6; // + the descenders
    },
  };
}

/** Room (CSS px) right of the plot for half of the widest time label in @p font, so the last is whole. */
export function timeLabelOverhang(font) {
  return Math.ceil(Math.max(...STEPS.map((step) => labelWidth(step, font))) / 2) + 2;
}
