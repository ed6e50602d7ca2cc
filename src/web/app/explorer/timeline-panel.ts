import './styles/timeline.css';
import type { Core } from 'cytoscape';
import { TRANSPORT_MODES } from '../../../engine/graph-input';
import type { Chain, ScenarioInput } from './api';
import { $, errorMessage, formatNumber, h, humanize, replaceChildren } from './dom';
import { GraphQLRequestError } from '../shared/graphql-client';
import {
  MAX_WATCHED,
  fetchSimulation,
  outcomeOn,
  type Simulation,
  type SimulationInput,
  type WatchedSeries,
} from './timeline-api';
import { CHART_COLOURS, timelineChart } from './timeline-chart';
import { describeEvent, simulationEvents, startDay, type EventTarget, type TimelineEvent } from './timeline-events';

// The timeline panel: events day by day on top of the scenario being edited, run with `simulate`; a chart of
// lost value per day and the stalled count, and a day slider that colours the drawn chain by that day's
// state. Self-contained: the explorer gives it a card to fill and tells it when the chain or the scenario
// changes.

/** What the panel needs of the explorer. */
export interface TimelineHost {
  /** The scenario being edited: its blocked links and enterprises count from day 0. */
  scenario(): ScenarioInput;
  /** The drawn chain: event targets, and the enterprises whose daily state is watched. */
  chain(): Chain | null;
  /** The drawn graph, coloured by the selected day. */
  cy: Core;
}

const DEFAULT_HORIZON = 60;
const MAX_HORIZON = 365;
const DAY_CLASSES = 'day-stalled day-partial day-running';

/** Styles of the day colouring, appended to the graph's own so they win over the impact highlight. */
function addDayStyles(cy: Core) {
  cy.style()
    .selector('node.day-running')
    .style({ opacity: 1, 'underlay-opacity': 0 })
    .selector('node.day-partial')
    .style({
      opacity: 1,
      'underlay-color': CHART_COLOURS.indirect,
      'underlay-opacity': 0.5,
      'underlay-padding': 8,
      'underlay-shape': 'ellipse',
      label: 'data(dayLabel)',
      color: '#92400e',
    })
    .selector('node.day-stalled')
    .style({
      opacity: 1,
      'underlay-color': '#dc2626',
      'underlay-opacity': 0.5,
      'underlay-padding': 9,
      'underlay-shape': 'ellipse',
      label: 'data(dayLabel)',
      color: '#991b1b',
      'font-weight': 'bold',
    })
    .update();
}

export class TimelinePanel {
  private events: TimelineEvent[] = [];
  private result: Simulation | null = null;
  private resultKey: string | null = null;
  private watched = new Map<string, WatchedSeries>();
  private day = 0;
  private request = 0;
  private targets = new Map<string, EventTarget>();
  private chartWidth = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: TimelineHost,
  ) {
    addDayStyles(host.cy);
    this.render();
    new ResizeObserver(() => {
      const width = $('#timeline-chart', this.root).clientWidth;
      if (this.result && Math.abs(width - this.chartWidth) > 1) this.renderChart();
    }).observe($('#timeline-chart', this.root));
    this.chainChanged();
  }

  /** The chain was redrawn: new targets to offer, and the day's colours to put on the new elements. */
  chainChanged() {
    const chain = this.host.chain();
    const names = new Map(chain?.nodes.map((node) => [node.enterprise.id, node.enterprise.name]) ?? []);
    const enterprises = [...(chain?.nodes ?? [])]
      .map((node) => node.enterprise)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e): EventTarget => ({ type: 'enterprise', id: e.id, label: e.name }));
    const links = (chain?.links ?? []).map((link): EventTarget => ({
      type: 'link',
      id: link.id,
      label: `${names.get(link.fromId) ?? link.fromId} → ${names.get(link.toId) ?? link.toId} (${link.product})`,
    }));
    const regions = [...new Set(chain?.nodes.map((node) => node.enterprise.region) ?? [])]
      .sort()
      .map((region): EventTarget => ({ type: 'region', id: region, label: `region ${region}` }));
    const modes = TRANSPORT_MODES.map((mode): EventTarget => ({
      type: 'mode',
      id: mode,
      label: `every ${humanize(mode)} link`,
    }));
    this.targets = new Map([...enterprises, ...links, ...regions, ...modes].map((t) => [`${t.type}:${t.id}`, t]));
    const groups = (entries: [string, EventTarget[]][]) =>
      entries
        .filter(([, items]) => items.length > 0)
        .map(([label, items]) =>
          h(
            'optgroup',
            { label },
            items.map((t) => h('option', { value: `${t.type}:${t.id}` }, t.label)),
          ),
        );
    replaceChildren(
      $('#timeline-block-target', this.root),
      groups([
        ['Enterprises of the chain', enterprises],
        ['Links of the chain', links],
        ['Regions', regions],
        ['Transport modes', modes],
      ]),
    );
    replaceChildren(
      $('#timeline-capacity-target', this.root),
      groups([
        ['Enterprises of the chain', enterprises],
        ['Regions', regions],
      ]),
    );
    this.colourGraph();
  }

  /** The scenario changed: a result shown is marked stale until run again. */
  scenarioChanged() {
    this.renderFreshness();
  }

  // ------------------------------------------------------------ the card

  private render() {
    replaceChildren(
      this.root,
      h('h2', {}, 'Timeline ', h('span.badge#timeline-event-count', {}, '0')),
      h(
        'p.hint',
        {},
        'Follow the scenario day by day: what it blocks starts on day 0 (and reopens after “Blocked for” days when set). ',
        'Add blocks and capacity steps on other days, then run.',
      ),
      h(
        'div.timeline-settings',
        {},
        numberField('timeline-horizon', 'Horizon (days)', String(DEFAULT_HORIZON), {
          min: '1',
          max: String(MAX_HORIZON),
          step: '1',
        }),
        numberField('timeline-restock', 'Restock rate', '0.1', { min: '0', step: '0.05' }),
      ),
      h('ul.scenario-list.timeline-events#timeline-events', {}),
      h(
        'form.timeline-form#timeline-block-form',
        { onsubmit: (event: Event) => this.addBlock(event) },
        h('span.timeline-form-title', {}, 'Block'),
        h('select#timeline-block-target', { 'aria-label': 'What to block' }),
        numberField('timeline-block-from', 'from day', '0', { min: '0', step: '1' }),
        numberField('timeline-block-reopens', 'reopens on day', '', { min: '1', step: '1', placeholder: 'never' }),
        h('button.button#timeline-add-block', { type: 'submit' }, 'Add'),
      ),
      h(
        'form.timeline-form#timeline-capacity-form',
        { onsubmit: (event: Event) => this.addCapacity(event) },
        h('span.timeline-form-title', {}, 'Capacity'),
        h('select#timeline-capacity-target', { 'aria-label': 'Whose capacity' }),
        numberField('timeline-capacity', 'at %', '50', { min: '0', max: '100', step: '5' }),
        numberField('timeline-capacity-day', 'from day', '0', { min: '0', step: '1' }),
        h('button.button#timeline-add-capacity', { type: 'submit' }, 'Add'),
      ),
      h(
        'div.actions',
        {},
        h('button.button.primary#run-timeline', { type: 'button', onclick: () => void this.run() }, 'Run timeline'),
        h('button.button.ghost#clear-timeline', { type: 'button', onclick: () => this.clearEvents() }, 'Clear events'),
      ),
      h('p.status-line#timeline-status', {}, 'Run the timeline to see the shock unfold day by day.'),
      h(
        'div.timeline-result#timeline-result',
        { hidden: true },
        h('p.timeline-totals#timeline-totals', {}),
        h('div.timeline-chart#timeline-chart', {}),
        h(
          'div.timeline-legend',
          {},
          legendItem(CHART_COLOURS.direct, 'direct loss'),
          legendItem(CHART_COLOURS.indirect, 'indirect loss'),
          h('span.legend-item', {}, h('span.legend-line', { style: `background:${CHART_COLOURS.stalled}` }), 'stalled'),
        ),
        h(
          'label.timeline-day',
          { for: 'timeline-day' },
          h('span#timeline-day-label', {}, 'Day 0'),
          h('input#timeline-day', {
            type: 'range',
            min: '0',
            max: '0',
            step: '1',
            value: '0',
            oninput: (event: Event) => this.selectDay(Number((event.target as HTMLInputElement).value)),
          }),
        ),
        h('p.timeline-day-summary#timeline-day-summary', {}),
        h(
          'label.check',
          {},
          h('input#timeline-colour', { type: 'checkbox', checked: true, onchange: () => this.colourGraph() }),
          h('span', {}, 'Colour the chain by this day'),
        ),
      ),
    );
    for (const id of ['#timeline-horizon', '#timeline-restock']) {
      $(id, this.root).addEventListener('input', () => this.renderFreshness());
    }
    this.renderEvents();
  }

  private addBlock(event: Event) {
    event.preventDefault();
    const target = this.targets.get($<HTMLSelectElement>('#timeline-block-target', this.root).value);
    const from = wholeNumber($<HTMLInputElement>('#timeline-block-from', this.root).value);
    const reopensText = $<HTMLInputElement>('#timeline-block-reopens', this.root).value.trim();
    const reopens = reopensText === '' ? null : wholeNumber(reopensText);
    if (!target) return this.refuse('Draw a chain first, or pick what to block.');
    if (from === null) return this.refuse('“from day” must be a whole number of at least 0.');
    if (reopensText !== '' && (reopens === null || reopens <= from)) {
      return this.refuse('“reopens on day” must come after “from day” (leave it empty for a block to the end).');
    }
    this.addEvent({ kind: 'block', target, from, reopens });
  }

  private addCapacity(event: Event) {
    event.preventDefault();
    const target = this.targets.get($<HTMLSelectElement>('#timeline-capacity-target', this.root).value);
    const percent = Number($<HTMLInputElement>('#timeline-capacity', this.root).value);
    const day = wholeNumber($<HTMLInputElement>('#timeline-capacity-day', this.root).value);
    if (!target) return this.refuse('Draw a chain first, to pick an enterprise or a region.');
    if (!(percent >= 0 && percent <= 100)) return this.refuse('Capacity must be from 0 to 100%.');
    if (day === null) return this.refuse('“from day” must be a whole number of at least 0.');
    this.addEvent({ kind: 'capacity', target, day, capacity: percent / 100 });
  }

  private addEvent(event: TimelineEvent) {
    this.events.push(event);
    this.events.sort((a, b) => startDay(a) - startDay(b));
    this.renderEvents();
    this.renderFreshness();
  }

  private clearEvents() {
    this.events = [];
    this.renderEvents();
    this.renderFreshness();
  }

  private refuse(message: string) {
    const status = $('#timeline-status', this.root);
    status.textContent = message;
    status.classList.add('error');
  }

  private renderEvents() {
    $('#timeline-event-count', this.root).textContent = String(this.events.length);
    replaceChildren(
      $('#timeline-events', this.root),
      this.events.length === 0
        ? h('li.empty-item', {}, 'No events yet: the scenario’s blocks alone, from day 0.')
        : this.events.map((event, i) =>
            h(
              'li.scenario-item.timeline-event',
              { 'data-kind': event.kind },
              h('span.item-text', {}, h('span.item-title', {}, describeEvent(event))),
              h(
                'button.icon-button.remove',
                {
                  type: 'button',
                  title: 'Remove this event',
                  'aria-label': `Remove ${describeEvent(event)}`,
                  onclick: () => {
                    this.events.splice(i, 1);
                    this.renderEvents();
                    this.renderFreshness();
                  },
                },
                '×',
              ),
            ),
          ),
    );
  }

  // ------------------------------------------------------------ running

  /** The simulate input of the scenario and the events as they stand, or what is wrong with them. */
  private input(): SimulationInput | string {
    const horizonDays = wholeNumber($<HTMLInputElement>('#timeline-horizon', this.root).value);
    const restockRate = Number($<HTMLInputElement>('#timeline-restock', this.root).value);
    if (horizonDays === null || horizonDays < 1 || horizonDays > MAX_HORIZON) {
      return `The horizon must be from 1 to ${MAX_HORIZON} days.`;
    }
    if (!(restockRate >= 0)) return 'The restock rate must be a number of at least 0.';
    const late = this.events.find((event) => startDay(event) >= horizonDays);
    if (late) return `“${describeEvent(late)}” starts after the horizon of ${horizonDays} days.`;
    const scenario = this.host.scenario();
    return {
      horizonDays,
      restockRate,
      includeCurrentState: scenario.includeCurrentState ?? false,
      events: simulationEvents(scenario, this.events, horizonDays),
      watch: (this.host.chain()?.nodes ?? []).slice(0, MAX_WATCHED).map((node) => node.enterprise.id),
    };
  }

  /** Identifies what a result was computed from (the drawn enterprises aside). */
  private key(input: SimulationInput | string): string {
    return typeof input === 'string' ? input : JSON.stringify({ ...input, watch: undefined });
  }

  private async run() {
    const input = this.input();
    if (typeof input === 'string') return this.refuse(input);
    const request = ++this.request;
    const status = $('#timeline-status', this.root);
    const button = $<HTMLButtonElement>('#run-timeline', this.root);
    status.textContent = 'Running…';
    status.classList.remove('error', 'stale');
    button.disabled = true;
    this.root.classList.add('busy');
    try {
      const result = await fetchSimulation(input);
      if (request !== this.request) return;
      this.result = result;
      this.resultKey = this.key(input);
      this.watched = new Map(result.watched.map((w) => [w.enterprise.id, w]));
      this.day = result.peakDay ?? busiestDay(result);
      this.renderResult();
    } catch (error) {
      if (request !== this.request) return;
      const code = error instanceof GraphQLRequestError ? error.code : undefined;
      this.refuse(
        code === 'BAD_USER_INPUT'
          ? `The timeline was refused: ${errorMessage(error)}`
          : `The simulation failed: ${errorMessage(error)}`,
      );
    } finally {
      if (request === this.request) {
        button.disabled = false;
        this.root.classList.remove('busy');
      }
    }
  }

  private renderResult() {
    const result = this.result;
    if (!result) return;
    $('#timeline-result', this.root).hidden = false;
    const slider = $<HTMLInputElement>('#timeline-day', this.root);
    slider.max = String(result.horizonDays - 1);
    slider.value = String(this.day);
    const affected = result.trajectories.totalCount;
    replaceChildren(
      $('#timeline-totals', this.root),
      `${formatNumber(affected)} ${affected === 1 ? 'enterprise' : 'enterprises'} affected on some day`,
      result.peakDay !== null ? ` · most lost on day ${result.peakDay}` : '',
      ` · lost output ${formatNumber(result.cumulativeLostOutputValue)} CNY`,
      ` (direct ${formatNumber(result.cumulativeDirectLostOutputValue)}, indirect ${formatNumber(result.cumulativeIndirectLostOutputValue)})`,
      result.unvaluedAffectedProducers > 0
        ? h(
            'span.timeline-coverage',
            {},
            ` · ${formatNumber(result.unvaluedAffectedProducers)} affected producers have no output value and are left out of it`,
          )
        : '',
    );
    this.renderFreshness();
    this.selectDay(this.day);
  }

  private renderFreshness() {
    if (!this.result) return;
    const status = $('#timeline-status', this.root);
    status.classList.remove('error');
    const stale = this.resultKey !== this.key(this.input());
    status.classList.toggle('stale', stale);
    status.textContent = stale
      ? 'The scenario or the timeline has changed: run it again to update.'
      : `${this.result.horizonDays} days simulated.`;
  }

  private selectDay(day: number) {
    const result = this.result;
    if (!result) return;
    this.day = Math.max(0, Math.min(result.horizonDays - 1, day));
    $<HTMLInputElement>('#timeline-day', this.root).value = String(this.day);
    $('#timeline-day-label', this.root).textContent = `Day ${this.day}`;
    const d = result.days[this.day];
    $('#timeline-day-summary', this.root).textContent =
      `${d.stalledCount} stalled, ${d.partialCount} partial · lost output ${formatNumber(d.lostOutputValue)} CNY ` +
      `(direct ${formatNumber(d.directLostOutputValue)}, indirect ${formatNumber(d.indirectLostOutputValue)})` +
      (d.lostTradeValue ? ` · trade ${formatNumber(d.lostTradeValue)} CNY` : '');
    this.renderChart();
    this.colourGraph();
  }

  private renderChart() {
    const result = this.result;
    if (!result) return;
    const box = $('#timeline-chart', this.root);
    this.chartWidth = box.clientWidth || 300;
    replaceChildren(
      box,
      timelineChart(result.days, this.day, this.chartWidth, (day) => this.selectDay(day)),
    );
  }

  /** Colours the drawn enterprises by their state on the selected day (those watched), or clears the colours. */
  private colourGraph() {
    const { cy } = this.host;
    const on = this.result !== null && $<HTMLInputElement>('#timeline-colour', this.root).checked;
    cy.batch(() => {
      cy.nodes().removeClass(DAY_CLASSES);
      if (!on) return;
      cy.nodes().forEach((node) => {
        const watched = this.watched.get(node.id());
        if (!watched) return;
        const outcome = outcomeOn(watched, this.day);
        const fraction = watched.series[this.day] ?? watched.baselineFraction;
        node.data(
          'dayLabel',
          `${node.data('label')}\n${outcome === 'stalled' ? `stalled on day ${this.day}` : `${Math.round(fraction * 100)}%`}`,
        );
        node.addClass(`day-${outcome}`);
      });
    });
  }
}

function numberField(id: string, label: string, value: string, attributes: Record<string, string>) {
  return h(
    'label.field',
    { for: id },
    h('span', {}, label),
    h(`input#${id}`, { type: 'number', value, inputmode: 'numeric', ...attributes }),
  );
}

function legendItem(colour: string, label: string) {
  return h('span.legend-item', {}, h('span.swatch', { style: `background:${colour}` }), label);
}

function wholeNumber(text: string): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The first day with the most stalled enterprises (0 when none stalls). */
function busiestDay(result: Simulation): number {
  let best = 0;
  for (const d of result.days) if (d.stalledCount > result.days[best].stalledCount) best = d.day;
  return best;
}
