import './explorer.css';
import { fetchChain, type Chain, type EnterpriseKind } from './api';
import { BottomTabs } from './bottom-tabs';
import { enableCardFolding } from './card-folding';
import { $, errorMessage, h, replaceChildren } from './dom';
import { GraphView, type Hovered, type LayoutMode } from './graph-view';
import { renderHoverCard } from './hover-card';
import { ImpactPanel } from './impact-panel';
import { SavedScenariosPanel } from './saved-scenarios-panel';
import { Scenario } from './scenario';
import { ScenarioPanel } from './scenario-panel';
import { SearchPanel } from './search-panel';
import { DEFAULT_DEPTH, renderShell } from './shell';
import { TimelinePanel } from './timeline-panel';
import { tokenControl } from './token-control';

// The chain explorer: the Explorer below holds the chain drawn and the scenario, and wires the page's parts
// to each other; each part (search, scenario, impact, saved scenarios, tabs, timeline) keeps its own state
// and controls in its own module.

class Explorer {
  private readonly scenario = new Scenario();
  readonly graph: GraphView;
  private readonly timeline: TimelinePanel;
  private readonly search: SearchPanel;
  private readonly scenarioPanel: ScenarioPanel;
  private readonly impact: ImpactPanel;
  private readonly saved: SavedScenariosPanel;
  private readonly tabs: BottomTabs;
  private chain: Chain | null = null;
  private startId: string | null = null;
  private startName = '';
  private depth = DEFAULT_DEPTH;
  private chainRequest = 0;
  private hovered: Hovered | null = null;
  /** Names seen anywhere (search, chain, critical links), for the scenario list. */
  private readonly names = new Map<string, string>();

  constructor() {
    const { scenario, names } = this;
    this.graph = new GraphView($('#graph'), {
      toggle: (type, id) => this.scenarioPanel.toggle(type, id),
      recenter: (id) => void this.loadChain(id),
      hover: (element) => this.showHover(element),
    });
    const graph = this.graph;
    this.timeline = new TimelinePanel($('#timeline-card'), {
      scenario: () => scenario.toInput(),
      chain: () => this.chain,
      cy: graph.cy,
    });
    const show = (id: string) => (graph.has(id) ? graph.focus(id) : void this.loadChain(id));
    this.search = new SearchPanel({ names, startId: () => this.startId, open: (id) => void this.loadChain(id) });
    this.scenarioPanel = new ScenarioPanel({
      scenario,
      graph,
      names,
      criticalLink: (id) => this.tabs.criticalLink(id),
      cleared: () => this.impact.clear(),
      includeCurrentChanged: () => void this.tabs.loadCriticalLinks(),
    });
    this.impact = new ImpactPanel({
      scenario,
      graph,
      show,
      alternatives: (item) => void this.tabs.showAlternatives(item),
      settled: () => this.scenarioPanel.render(),
    });
    this.saved = new SavedScenariosPanel({
      scenario,
      scenarioPanel: this.scenarioPanel,
      runImpact: () => void this.impact.run(),
    });
    this.tabs = new BottomTabs({
      scenario,
      graph,
      names,
      show,
      toggleLink: (id) => this.scenarioPanel.toggle('link', id),
    });
    scenario.onChange(() => this.scenarioChanged());
    this.bind();
    this.scenarioPanel.render();
    this.tabs.render();
  }

  async start() {
    const [id, depth] = this.readHash();
    if (depth) this.setDepth(depth);
    this.tabs.resetPlan();
    void this.tabs.loadCriticalLinks();
    void this.search.loadSuggestions();
    void this.scenarioPanel.loadBlockChoices();
    void this.saved.load();
    if (id) await this.loadChain(id);
  }

  // ------------------------------------------------------------ wiring

  private bind() {
    this.search.bind();
    this.impact.bind();
    this.scenarioPanel.bind();
    $<HTMLSelectElement>('#depth-select').addEventListener('change', (event) => {
      this.depth = Number((event.target as HTMLSelectElement).value);
      if (this.startId) void this.loadChain(this.startId);
    });
    $('#fit-graph').addEventListener('click', () => this.graph.fit());
    $<HTMLSelectElement>('#layout-select').addEventListener('change', (event) => {
      this.graph.setLayout((event.target as HTMLSelectElement).value as LayoutMode);
      this.impact.highlight();
    });
    this.saved.bind();
    enableCardFolding();
    this.tabs.bind();
    window.addEventListener('hashchange', () => {
      const [id, depth] = this.readHash();
      if (depth && depth !== this.depth) this.setDepth(depth);
      if (id && id !== this.startId) void this.loadChain(id);
    });
  }

  private readHash(): [string | null, number | null] {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const depth = Number(params.get('depth'));
    return [params.get('id'), Number.isInteger(depth) && depth >= 1 && depth <= 6 ? depth : null];
  }

  private setDepth(depth: number) {
    this.depth = depth;
    $<HTMLSelectElement>('#depth-select').value = String(depth);
  }

  private scenarioChanged() {
    this.scenarioPanel.markGraph();
    this.scenarioPanel.render();
    this.impact.renderFreshness();
    this.timeline.scenarioChanged();
    if (this.hovered) this.showHover(this.hovered);
    this.tabs.refresh('critical');
  }

  // ------------------------------------------------------------ chain

  private async loadChain(id: string) {
    const request = ++this.chainRequest;
    const title = $('#chain-title');
    title.textContent = `Loading the chain of ${this.names.get(id) ?? id}…`;
    title.classList.remove('error');
    try {
      const chain = await fetchChain(id, this.depth);
      if (request !== this.chainRequest) return;
      this.chain = chain;
      this.startId = id;
      for (const node of chain.nodes) this.names.set(node.enterprise.id, node.enterprise.name);
      const start = chain.nodes.find((node) => node.enterprise.id === id)?.enterprise;
      this.startName = start?.name ?? id;
      $('#graph-empty').hidden = true;
      this.graph.setScenario(this.scenario.ids('link'), this.scenario.ids('enterprise'));
      this.graph.showChain(chain, id);
      this.scenarioPanel.markGraph();
      this.impact.highlight();
      this.timeline.chainChanged();
      this.renderChainTitle();
      const kinds = new Set(chain.nodes.map((node) => node.enterprise.kind));
      for (const item of document.querySelectorAll<HTMLElement>('.legend-item[data-kind]')) {
        item.classList.toggle('absent', !kinds.has(item.dataset.kind as EnterpriseKind));
      }
      this.search.markCurrent(id);
      const hash = `#id=${encodeURIComponent(id)}&depth=${this.depth}`;
      if (window.location.hash !== hash) history.replaceState(null, '', hash);
    } catch (error) {
      if (request !== this.chainRequest) return;
      title.textContent = `Could not draw the chain of ${id}: ${errorMessage(error)}`;
      title.classList.add('error');
    }
  }

  private renderChainTitle() {
    if (!this.chain) return;
    const upstream = this.chain.nodes.filter((node) => node.tier < 0).length;
    const downstream = this.chain.nodes.filter((node) => node.tier > 0).length;
    replaceChildren(
      $('#chain-title'),
      h('strong', {}, this.startName),
      h(
        'span.chain-meta',
        {},
        ` · ${upstream} upstream, ${downstream} downstream · ${this.graph.linkCount} links`,
        this.chain.truncated ? ' · truncated' : '',
      ),
    );
  }

  // ------------------------------------------------------------ hover details

  private showHover(element: Hovered | null) {
    this.hovered = element;
    const box = $('#hover-info');
    if (!element) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const id = element.type === 'enterprise' ? element.enterprise.id : element.link.id;
    renderHoverCard(box, element, this.scenario.has(id));
  }
}

// ---------------------------------------------------------------- start

declare global {
  interface Window {
    /** For tests and the console: the running explorer's Cytoscape instance. */
    linkfall?: { cy: import('cytoscape').Core };
  }
}

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from the page');
renderShell(root);
const explorer = new Explorer();
// A new token may see more (or less): reload what the page shows.
$('#token-slot').replaceWith(tokenControl(() => void explorer.start()));
window.linkfall = { cy: explorer.graph.cy };
void explorer.start();
