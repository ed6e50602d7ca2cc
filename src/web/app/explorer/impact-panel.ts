import { fetchImpact, type AffectedEnterprise, type ImpactReport } from './api';
import { $, errorMessage, formatMoney, formatNumber, replaceChildren } from './dom';
import type { GraphView } from './graph-view';
import { impactLists } from './impact-lists';
import type { Scenario } from './scenario';
import { GraphQLRequestError } from '../shared/graphql-client';

// The impact card: runs the scenario, shows who stalls and what is lost, highlights them in the graph, and
// says when the scenario has changed since.

/** What the card needs of the explorer. */
export interface ImpactPanelHost {
  scenario: Scenario;
  graph: GraphView;
  /** Shows an enterprise: focuses it in the graph, or draws the chain around it. */
  show(id: string): void;
  /** Looks for other suppliers and routes of what a stalled enterprise misses. */
  alternatives(item: AffectedEnterprise): void;
  /** A run ended (the scenario card's run button is disabled while it runs). */
  settled(): void;
}

export class ImpactPanel {
  private report: ImpactReport | null = null;
  /** The scenario the report is of, to tell when it is stale. */
  private reportKey: string | null = null;
  private request = 0;

  constructor(private readonly host: ImpactPanelHost) {}

  bind() {
    $('#run-impact').addEventListener('click', () => void this.run());
  }

  async run() {
    const request = ++this.request;
    const key = this.host.scenario.key();
    const status = $('#impact-status');
    const button = $<HTMLButtonElement>('#run-impact');
    status.textContent = 'Running…';
    status.classList.remove('error', 'stale');
    button.disabled = true;
    $('#impact-card').classList.add('busy');
    try {
      const report = await fetchImpact(this.host.scenario.toInput());
      if (request !== this.request) return;
      this.report = report;
      this.reportKey = key;
      this.render();
      this.highlight();
    } catch (error) {
      if (request !== this.request) return;
      this.report = null;
      this.reportKey = null;
      this.highlight();
      $('#impact-metrics').hidden = true;
      replaceChildren($('#impact-lists'));
      const code = error instanceof GraphQLRequestError ? error.code : undefined;
      status.textContent =
        code === 'BAD_USER_INPUT'
          ? `The scenario was refused: ${errorMessage(error)}`
          : `Impact failed: ${errorMessage(error)}`;
      status.classList.add('error');
    } finally {
      if (request === this.request) {
        $('#impact-card').classList.remove('busy');
        this.host.settled();
      }
    }
  }

  clear() {
    this.request++;
    this.report = null;
    this.reportKey = null;
    this.highlight();
    $('#impact-metrics').hidden = true;
    replaceChildren($('#impact-lists'));
    const status = $('#impact-status');
    status.classList.remove('error', 'stale');
    status.textContent = 'Run a scenario to see who stalls.';
  }

  /** Highlights the stalled and partial enterprises in the graph (after each draw, which clears them). */
  highlight() {
    if (!this.report) {
      this.host.graph.setImpact(null);
      return;
    }
    this.host.graph.setImpact(
      this.report.stalled.edges.map((edge) => edge.node),
      this.report.partial.edges.map((edge) => edge.node),
    );
  }

  /** Says whether the report shown is still of the scenario being edited. */
  renderFreshness() {
    if (!this.report) return;
    const status = $('#impact-status');
    const stale = this.reportKey !== this.host.scenario.key();
    status.classList.toggle('stale', stale);
    if (stale) status.textContent = 'The scenario has changed: run it again to update.';
    else this.renderSummary();
  }

  private renderSummary() {
    const report = this.report;
    if (!report) return;
    const status = $('#impact-status');
    const duration = this.host.scenario.durationDays;
    status.textContent =
      report.stalledCount === 0 && report.partialCount === 0
        ? `Nothing stalls${duration !== null ? ` within ${formatNumber(duration)} days` : ''}.`
        : duration !== null
          ? `Within a ${formatNumber(duration)}-day block:`
          : 'Blocked until further notice:';
  }

  private render() {
    const report = this.report;
    if (!report) return;
    $('#impact-metrics').hidden = false;
    $('#impact-stalled-count').textContent = String(report.stalledCount);
    $('#impact-partial-count').textContent = String(report.partialCount);
    $('#impact-lost-value').textContent = formatMoney(report.lostOutputValue);
    $('#impact-lost-trade').textContent = formatMoney(report.lostTradeValue);
    // The physical output behind the value, per unit (never added across units), on hover.
    const breakdown = lostOutputBreakdown(report);
    const metric = $('#impact-lost-value').parentElement!;
    metric.title = breakdown;
    metric.dataset.breakdown = breakdown;
    this.renderSummary();
    $('#impact-status').classList.remove('stale', 'error');

    replaceChildren(
      $('#impact-lists'),
      impactLists(report, {
        inGraph: (id) => this.host.graph.has(id),
        show: (id) => this.host.show(id),
        alternatives: (item) => this.host.alternatives(item),
      }),
    );
  }
}

/** The hover text of the lost output value: physical output lost per unit, and what the value leaves out. */
function lostOutputBreakdown(report: ImpactReport): string {
  const lines = ['Output lost by producers a day, per unit:'];
  if (!report.lostOutputByUnit.length) lines.push('  none');
  for (const { unit, amount } of report.lostOutputByUnit)
    lines.push(`  ${formatNumber(amount)} ${unit ?? '(no unit)'}`);
  if (report.unvaluedProducerCount > 0) {
    lines.push(
      `${report.unvaluedProducerCount} of ${report.affectedProducerCount} affected producers have no output value: ` +
        'their loss is not in the total.',
    );
  }
  return lines.join('\n');
}
