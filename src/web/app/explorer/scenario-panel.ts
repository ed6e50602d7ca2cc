import type { CriticalLink, TransportMode } from './api';
import { blockChoices } from './block-choices';
import { $, errorMessage, h, humanize, replaceChildren } from './dom';
import type { GraphView } from './graph-view';
import type { Scenario, ScenarioItem } from './scenario';
import { fetchBlockChoices } from './scenario-api';

// The scenario card: the links and enterprises blocked (a click in the graph, a critical link or a loaded
// saved scenario), whole regions and modes, the duration and whether today's blocks count.

/** What the card needs of the explorer. */
export interface ScenarioPanelHost {
  scenario: Scenario;
  graph: GraphView;
  /** Names seen anywhere (search, chain, critical links), to describe what is not drawn. */
  names: ReadonlyMap<string, string>;
  /** A critical link once the ranking is loaded: it names the ends of a link outside the chain. */
  criticalLink(id: string): CriticalLink['link'] | undefined;
  /** "Clear" emptied the scenario: the impact shown is gone with it. */
  cleared(): void;
  /** Today's blocks were counted in or out: the critical links change with them. */
  includeCurrentChanged(): void;
}

export class ScenarioPanel {
  constructor(private readonly host: ScenarioPanelHost) {}

  private get scenario() {
    return this.host.scenario;
  }

  bind() {
    $('#clear-scenario').addEventListener('click', () => {
      this.scenario.clear();
      this.host.cleared();
    });
    const duration = $<HTMLInputElement>('#duration-days');
    duration.addEventListener('input', () => {
      const value = duration.value.trim() === '' ? null : Number(duration.value);
      this.scenario.setDuration(value === null || Number.isNaN(value) ? null : value);
    });
    $<HTMLInputElement>('#include-current').addEventListener('change', (event) => {
      this.scenario.setIncludeCurrentState((event.target as HTMLInputElement).checked);
      this.host.includeCurrentChanged();
    });
  }

  /** Adds an enterprise or a link to the scenario, or takes it out. */
  toggle(type: 'enterprise' | 'link', id: string) {
    this.scenario.toggle(this.describeItem(type, id));
  }

  /** How the scenario list shows an enterprise or a link, from the graph, the critical links or its id. */
  describeItem(type: 'enterprise' | 'link', id: string): ScenarioItem {
    const { graph, names } = this.host;
    if (type === 'enterprise') {
      const enterprise = graph.enterprise(id);
      return {
        type,
        id,
        title: enterprise?.name ?? names.get(id) ?? id,
        detail: enterprise ? `${humanize(enterprise.kind)} · ${enterprise.region}` : id,
      };
    }
    const link = graph.link(id);
    const critical = this.host.criticalLink(id);
    const fromId = link?.fromId ?? critical?.from.id;
    const toId = link?.toId ?? critical?.to.id;
    const from = critical?.from.name ?? (fromId ? (names.get(fromId) ?? fromId) : '?');
    const to = critical?.to.name ?? (toId ? (names.get(toId) ?? toId) : '?');
    const product = link?.product ?? critical?.product;
    const mode = link?.mode ?? critical?.mode;
    return {
      type,
      id,
      // A link of a loaded scenario outside the drawn chain: its id says its ends.
      title: fromId || toId ? `${from} → ${to}` : id,
      detail: [product, mode?.toLowerCase()].filter(Boolean).join(' · ') || id,
    };
  }

  /** Shows a loaded scenario's duration and whether it counts today's blocks in the card's fields. */
  showFields(durationDays: number | null, includeCurrentState: boolean) {
    $<HTMLInputElement>('#duration-days').value = durationDays === null ? '' : String(durationDays);
    $<HTMLInputElement>('#include-current').checked = includeCurrentState;
  }

  render() {
    const items = this.scenario.list();
    $('#scenario-count').textContent = String(items.length);
    const list = $('#scenario-items');
    if (!items.length) {
      replaceChildren(list, h('li.empty-item', {}, 'Nothing blocked yet.'));
    } else {
      replaceChildren(
        list,
        items.map((item) =>
          h(
            'li.scenario-item',
            { 'data-scenario-id': item.id, 'data-type': item.type },
            h(
              'span.item-icon',
              { title: item.type === 'link' ? 'Supply link' : 'Enterprise', 'aria-hidden': 'true' },
              item.type === 'link' ? '⟶' : '●',
            ),
            h(
              'button.item-text',
              { type: 'button', title: `${item.id}: show in the graph`, onclick: () => this.host.graph.focus(item.id) },
              h('span.item-title', {}, item.title),
              h('span.item-detail', {}, item.detail ?? item.id),
            ),
            h(
              'button.icon-button.remove',
              {
                type: 'button',
                title: 'Remove from the scenario',
                'aria-label': `Remove ${item.title}`,
                onclick: () => this.scenario.remove(item.id),
              },
              '×',
            ),
          ),
        ),
      );
    }
    $<HTMLButtonElement>('#run-impact').disabled = this.scenario.empty && !this.scenario.includeCurrentState;
    $('#block-choice-count').textContent = String(this.scenario.regions.size + this.scenario.modes.size);
    for (const box of document.querySelectorAll<HTMLInputElement>('#block-choices input[type=checkbox]')) {
      box.checked =
        box.name === 'mode'
          ? this.scenario.modes.has(box.value as TransportMode)
          : this.scenario.regions.has(box.value);
    }
  }

  /** Marks everything the scenario blocks in the graph. */
  markGraph() {
    this.host.graph.setScenario(
      this.scenario.ids('link'),
      this.scenario.ids('enterprise'),
      this.scenario.modes,
      this.scenario.regions,
    );
  }

  /** The check boxes of the regions and modes the API knows of. */
  async loadBlockChoices() {
    const slot = $('#block-choices');
    try {
      const choices = await fetchBlockChoices();
      replaceChildren(
        slot,
        blockChoices(choices, {
          isRegionBlocked: (region) => this.scenario.regions.has(region),
          isModeBlocked: (mode) => this.scenario.modes.has(mode),
          setRegion: (region, blocked) => this.scenario.setRegion(region, blocked),
          setMode: (mode, blocked) => this.scenario.setMode(mode, blocked),
        }),
      );
    } catch (error) {
      replaceChildren(
        slot,
        h('p.status-line.error', {}, `Could not load the regions and modes: ${errorMessage(error)}`),
      );
    }
  }
}
