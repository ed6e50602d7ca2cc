import {
  fetchCriticalLinks,
  fetchRecovery,
  fetchResumptionPlan,
  type AffectedEnterprise,
  type CriticalLink,
  type RecoveryGroup,
  type RecoveryGrouping,
  type ResumptionStep,
} from './api';
import { alternativesView } from './alternatives-view';
import { criticalTable } from './critical-table';
import { $, errorMessage, h, replaceChildren } from './dom';
import type { GraphView } from './graph-view';
import { recoveryTable } from './recovery-table';
import { resumptionTable } from './resumption-table';
import type { Scenario } from './scenario';
import { fetchAlternatives, type Alternatives } from './scenario-api';

// The tabs under the graph: the critical links (a click blocks one), the resumption plan, the alternatives
// of a stalled enterprise and recovery by region or kind. Each loads when first shown; the critical links
// and the alternatives follow the scenario.

/** What the tabs need of the explorer. */
export interface BottomTabsHost {
  scenario: Scenario;
  graph: GraphView;
  /** Names seen anywhere: the critical links add theirs. */
  names: Map<string, string>;
  /** Shows an enterprise: focuses it in the graph, or draws the chain around it. */
  show(id: string): void;
  /** Blocks a link in the scenario, or unblocks it. */
  toggleLink(id: string): void;
}

export type TabName = 'critical' | 'plan' | 'alternatives' | 'recovery-region' | 'recovery-kind';

export class BottomTabs {
  private activeTab = 'critical';
  private criticalLinks: CriticalLink[] | null = null;
  private criticalError: string | null = null;
  private recovery = new Map<RecoveryGrouping, RecoveryGroup[] | string>();
  /** The resumption plan once loaded, or the reason it failed. */
  private plan: ResumptionStep[] | string | null = null;
  /** The stalled enterprise whose alternatives the Alternatives tab shows, and them once loaded. */
  private alternativesFor: { id: string; name: string } | null = null;
  private alternatives: Alternatives[] | string | null = null;

  constructor(private readonly host: BottomTabsHost) {}

  bind() {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.tab')) {
      button.addEventListener('click', () => this.select(button.dataset.tab ?? 'critical'));
    }
  }

  /** A link of the critical links ranking, once loaded. */
  criticalLink(id: string): CriticalLink['link'] | undefined {
    return this.criticalLinks?.find((item) => item.link.id === id)?.link;
  }

  /** Draws the tab again when it is the one shown. */
  refresh(name: TabName) {
    if (this.activeTab === name) this.render();
  }

  /** Forgets the resumption plan (it depends on who asks): loaded again when shown. */
  resetPlan() {
    this.plan = null;
    this.refresh('plan');
  }

  select(name: string) {
    this.activeTab = name;
    for (const tab of document.querySelectorAll<HTMLElement>('.tab'))
      tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    this.render();
  }

  render() {
    const body = $('#tab-body');
    const { graph, scenario } = this.host;
    if (this.activeTab === 'alternatives') {
      replaceChildren(
        body,
        alternativesView(this.alternativesFor, this.alternatives, (id) => this.host.show(id)),
      );
      return;
    }
    if (this.activeTab === 'critical') {
      replaceChildren(
        body,
        criticalTable(
          { links: this.criticalLinks, error: this.criticalError },
          {
            isBlocked: (id) => scenario.has(id),
            toggle: (id) => {
              this.host.toggleLink(id);
              if (graph.has(id)) graph.focus(id);
            },
          },
        ),
      );
      return;
    }
    if (this.activeTab === 'plan') {
      replaceChildren(body, resumptionTable(this.plan));
      if (this.plan === null) void this.loadPlan();
      return;
    }
    const grouping: RecoveryGrouping = this.activeTab === 'recovery-kind' ? 'KIND' : 'REGION';
    const groups = this.recovery.get(grouping);
    if (groups === undefined) {
      replaceChildren(body, h('p.status-line', {}, 'Loading…'));
      void this.loadRecovery(grouping);
      return;
    }
    if (typeof groups === 'string') {
      replaceChildren(body, h('p.status-line.error', {}, `Recovery failed: ${groups}`));
      return;
    }
    replaceChildren(body, recoveryTable(groups, grouping));
  }

  /** Opens the Alternatives tab on a stalled enterprise, in the scenario being edited. */
  async showAlternatives(item: AffectedEnterprise) {
    this.alternativesFor = { id: item.enterprise.id, name: item.enterprise.name };
    this.alternatives = null;
    this.select('alternatives');
    const target = this.alternativesFor;
    try {
      const found = await fetchAlternatives(item.enterprise.id, item.missingInputs, this.host.scenario.toInput());
      if (this.alternativesFor === target) this.alternatives = found;
    } catch (error) {
      if (this.alternativesFor === target) this.alternatives = errorMessage(error);
    }
    this.refresh('alternatives');
  }

  /** Ranks the critical links again, with or without today's blocks as the scenario says. */
  async loadCriticalLinks() {
    this.criticalLinks = null;
    this.criticalError = null;
    this.refresh('critical');
    try {
      this.criticalLinks = await fetchCriticalLinks(this.host.scenario.includeCurrentState);
      for (const item of this.criticalLinks) {
        this.host.names.set(item.link.from.id, item.link.from.name);
        this.host.names.set(item.link.to.id, item.link.to.name);
      }
    } catch (error) {
      this.criticalError = errorMessage(error);
    }
    this.refresh('critical');
  }

  private async loadPlan() {
    try {
      this.plan = await fetchResumptionPlan();
    } catch (error) {
      this.plan = errorMessage(error);
    }
    this.refresh('plan');
  }

  private async loadRecovery(grouping: RecoveryGrouping) {
    try {
      this.recovery.set(grouping, await fetchRecovery(grouping));
    } catch (error) {
      this.recovery.set(grouping, errorMessage(error));
    }
    this.render();
  }
}
