import type { SimulationDay } from './timeline-api';

// The timeline's chart, drawn as SVG: lost output value per day as bars (direct at the bottom, indirect
// stacked on it) on the left axis, and the stalled count as a line on the right axis. Each day is a <g
// class="tl-day"> carrying its numbers as data attributes, so the page and its tests read the same figures.

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEIGHT = 170;
const MARGIN = { left: 42, right: 30, top: 10, bottom: 20 };

export const CHART_COLOURS = { direct: '#991b1b', indirect: '#f59e0b', stalled: '#1d4ed8', marker: '#111827' };

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The chart for `days` at `width` pixels, the `selected` day marked; a
 * click or tap on a day picks it.
 */
export function timelineChart(
  days: readonly SimulationDay[],
  selected: number,
  width: number,
  pick: (day: number) => void,
): SVGSVGElement {
  const plotWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const bottom = MARGIN.top + plotHeight;
  const step = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, step - (step > 4 ? 1 : 0));
  const maxValue = Math.max(0, ...days.map((d) => d.directLostOutputValue + d.indirectLostOutputValue));
  const maxCount = Math.max(1, ...days.map((d) => d.stalledCount));
  const valueY = (value: number) => bottom - (maxValue > 0 ? (Math.max(0, value) / maxValue) * plotHeight : 0);
  const countY = (count: number) => bottom - (count / maxCount) * plotHeight;
  const dayX = (day: number) => MARGIN.left + day * step;

  const chart = svg('svg', {
    class: 'timeline-svg',
    width,
    height: HEIGHT,
    viewBox: `0 0 ${width} ${HEIGHT}`,
    role: 'img',
    'aria-label': 'Lost output value per day, direct and indirect, and the stalled count',
  });
  chart.append(
    svg('line', { class: 'tl-axis', x1: MARGIN.left, y1: bottom, x2: MARGIN.left + plotWidth, y2: bottom }),
    svg(
      'text',
      { class: 'tl-axis-label', x: MARGIN.left - 4, y: MARGIN.top + 8, 'text-anchor': 'end' },
      maxValue > 0 ? compact.format(maxValue) : '',
    ),
    svg('text', { class: 'tl-axis-label', x: MARGIN.left - 4, y: bottom, 'text-anchor': 'end' }, '0'),
    svg(
      'text',
      { class: 'tl-axis-label tl-count', x: MARGIN.left + plotWidth + 4, y: MARGIN.top + 8 },
      String(maxCount),
    ),
    svg('text', { class: 'tl-axis-label tl-count', x: MARGIN.left + plotWidth + 4, y: bottom }, '0'),
  );
  if (maxValue === 0) {
    chart.append(
      svg(
        'text',
        {
          class: 'tl-axis-label',
          x: MARGIN.left + plotWidth / 2,
          y: MARGIN.top + plotHeight / 2,
          'text-anchor': 'middle',
        },
        'no lost value (or no values in the data)',
      ),
    );
  }
  const labelled = new Set([0, days.length - 1]);
  if (days.length >= 5) labelled.add(Math.floor((days.length - 1) / 2));
  for (const day of labelled) {
    chart.append(
      svg(
        'text',
        { class: 'tl-axis-label', x: dayX(day) + barWidth / 2, y: HEIGHT - 6, 'text-anchor': 'middle' },
        `day ${day}`,
      ),
    );
  }

  for (const d of days) {
    const x = dayX(d.day);
    const directTop = valueY(d.directLostOutputValue);
    const top = valueY(d.directLostOutputValue + d.indirectLostOutputValue);
    const group = svg('g', {
      class: 'tl-day',
      'data-day': d.day,
      'data-stalled': d.stalledCount,
      'data-partial': d.partialCount,
      'data-direct': d.directLostOutputValue,
      'data-indirect': d.indirectLostOutputValue,
    });
    group.append(
      svg('title', {}, `Day ${d.day}: ${d.stalledCount} stalled, ${d.partialCount} partial`),
      svg('rect', { class: 'tl-hit', x, y: MARGIN.top, width: step, height: plotHeight }),
      svg('rect', {
        class: 'tl-bar tl-direct',
        x: round(x),
        y: round(directTop),
        width: round(barWidth),
        height: round(bottom - directTop),
        fill: CHART_COLOURS.direct,
      }),
      svg('rect', {
        class: 'tl-bar tl-indirect',
        x: round(x),
        y: round(top),
        width: round(barWidth),
        height: round(directTop - top),
        fill: CHART_COLOURS.indirect,
      }),
    );
    group.addEventListener('click', () => pick(d.day));
    chart.append(group);
  }

  const points = days.map((d) => `${round(dayX(d.day) + barWidth / 2)},${round(countY(d.stalledCount))}`).join(' ');
  chart.append(
    svg('polyline', {
      class: 'tl-stalled-line',
      points,
      fill: 'none',
      stroke: CHART_COLOURS.stalled,
      'stroke-width': 2,
    }),
  );
  if (selected >= 0 && selected < days.length) {
    const x = round(dayX(selected) + barWidth / 2);
    chart.append(
      svg('line', {
        class: 'tl-day-marker',
        'data-day': selected,
        x1: x,
        y1: MARGIN.top,
        x2: x,
        y2: bottom,
        stroke: CHART_COLOURS.marker,
        'stroke-dasharray': '3 2',
      }),
    );
  }
  return chart;
}
