import './explorer.css';
import {
  fetchChain,
  fetchCriticalLinks,
  fetchEnterprises,
  fetchImpact,
  fetchRecovery,
  fetchResumptionPlan,
  searchEnterprises,
  type AffectedEnterprise,
  type Chain,
  type CriticalLink,
  type EnterpriseKind,
  type ImpactReport,
  type RecoveryGroup,
  type RecoveryGrouping,
  type ResumptionStep,
  type TransportMode,
} from './api';
import { GraphQLRequestError } from '../shared/graphql-client';
import { alternativesView } from './alternatives-view';
import { blockChoices } from './block-choices';
import { comparisonView, compareOptions, savedList } from './saved-scenarios';
import {
  compareScenarios,
  fetchAlternatives,
  fetchBlockChoices,
  fetchScenarios,
  saveScenario,
  type Alternatives,
  type SavedScenarioSummary,
} from './scenario-api';
import { criticalTable } from './critical-table';
import { $, errorMessage, formatMoney, formatNumber, h, humanize, replaceChildren } from './dom';
import { GraphView, type Hovered, type LayoutMode } from './graph-view';
import { renderHoverCard } from './hover-card';
import { impactLists } from './impact-lists';
import { recoveryTable } from './recovery-table';
import { resumptionTable } from './resumption-table';
import { Scenario, type ScenarioItem } from './scenario';
import { searchResultItem, suggestionChips } from './search-results';
import { DEFAULT_DEPTH, renderShell } from './shell';
import { TimelinePanel } from './timeline-panel';
import { tokenControl } from './token-control';

// The chain explorer: the Explorer below holds the state (chain, scenario, impact, tabs) and wires
// the page's controls to it; the modules imported above draw each part of the page.

/** Demo enterprises offered as a start when they exist (see data/README.md). */
const SUGGESTED_STARTS = ['kq-dye-alice', 'fq-chem-chuandong', 'sj-components-mall', 'nb-yesgo-valley'];

// ---------------------------------------------------------------- the app

class Explorer {
  private readonly scenario = new Scenario();
  readonly graph: GraphView;
  private readonly timeline: TimelinePanel;
  private chain: Chain | null = null;
  private startId: string | null = null;
  private startName = '';
  private depth = DEFAULT_DEPTH;
  private impact: ImpactReport | null = null;
  private impactKey: string | null = null;
  private impactRequest = 0;
  private chainRequest = 0;
  private searchAbort: AbortController | null = null;
  private criticalLinks: CriticalLink[] | null = null;
  private criticalError: string | null = null;
  private recovery = new Map<RecoveryGrouping, RecoveryGroup[] | string>();
  /** The resumption plan once loaded, or the reason it failed. */
  private plan: ResumptionStep[] | string | null = null;
  private activeTab = 'critical';
  private blockChoices: { regions: string[]; modes: TransportMode[] } | null = null;
  private saved: SavedScenarioSummary[] = [];
  /** The stalled enterprise whose alternatives the Alternatives tab shows, and them once loaded. */
  private alternativesFor: { id: string; name: string } | null = null;
  private alternatives: Alternatives[] | string | null = null;
  /** Names seen anywhere (search, chain, critical links), for the scenario list. */
  private readonly names = new Map<string, string>();

  constructor() {
    this.graph = new GraphView($('#graph'), {
      toggle: (type, id) => this.toggle(type, id),
      recenter: (id) => void this.loadChain(id),
      hover: (element) => this.showHover(element),
    });
    this.timeline = new TimelinePanel($('#timeline-card'), {
      scenario: () => this.scenario.toInput(),
      chain: () => this.chain,
      cy: this.graph.cy,
    });
    this.scenario.onChange(() => this.scenarioChanged());
    this.bind();
    this.renderScenario();
    this.renderTab();
  }

  async start() {
    const [id, depth] = this.readHash();
    if (depth) this.setDepth(depth);
    this.plan = null;
    if (this.activeTab === 'plan') this.renderTab();
    void this.loadCriticalLinks();
    void this.loadSuggestions();
    void this.loadBlockChoices();
    void this.loadSaved();
    if (id) await this.loadChain(id);
  }

  // ------------------------------------------------------------ wiring

  private bind() {
    const input = $<HTMLInputElement>('#search-input');
    let debounce = 0;
    input.addEventListener('input', () => {
      window.clearTimeout(debounce);
      debounce = window.setTimeout(() => void this.search(input.value), 250);
    });
    $('#search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(debounce);
      void this.search(input.value);
    });
    $('#run-impact').addEventListener('click', () => void this.runImpact());
    $('#clear-scenario').addEventListener('click', () => {
      this.scenario.clear();
      this.clearImpact();
    });
    const duration = $<HTMLInputElement>('#duration-days');
    duration.addEventListener('input', () => {
      const value = duration.value.trim() === '' ? null : Number(duration.value);
      this.scenario.setDuration(value === null || Number.isNaN(value) ? null : value);
    });
    $<HTMLInputElement>('#include-current').addEventListener('change', (event) => {
      this.scenario.setIncludeCurrentState((event.target as HTMLInputElement).checked);
      void this.loadCriticalLinks();
    });
    $<HTMLSelectElement>('#depth-select').addEventListener('change', (event) => {
      this.depth = Number((event.target as HTMLSelectElement).value);
      if (this.startId) void this.loadChain(this.startId);
    });
    $('#fit-graph').addEventListener('click', () => this.graph.fit());
    $<HTMLSelectElement>('#layout-select').addEventListener('change', (event) => {
      this.graph.setLayout((event.target as HTMLSelectElement).value as LayoutMode);
      this.highlightImpact();
    });
    $('#save-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.saveCurrent();
    });
    $('#compare-run').addEventListener('click', () => void this.compare());
    // Every card folds away by its heading (click, Enter or Space), so a narrow screen gets to the
    // graph and the results.
    const fold = (heading: Element) => {
      const card = heading.parentElement!;
      card.classList.toggle('collapsed');
      heading.setAttribute('aria-expanded', String(!card.classList.contains('collapsed')));
    };
    for (const heading of document.querySelectorAll<HTMLElement>('.card > h2')) {
      heading.tabIndex = 0;
      heading.setAttribute('role', 'button');
      heading.setAttribute('aria-expanded', 'true');
    }
    document.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const heading = target.closest('.card > h2');
      if (heading && !target.closest('button, input, select, a')) fold(heading);
    });
    document.addEventListener('keydown', (event) => {
      const heading = (event.target as HTMLElement).closest?.('.card > h2');
      if (heading && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        fold(heading);
      }
    });
    for (const button of document.querySelectorAll<HTMLButtonElement>('.tab')) {
      button.addEventListener('click', () => this.selectTab(button.dataset.tab ?? 'critical'));
    }
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

  // ------------------------------------------------------------ search

  private async search(text: string) {
    const query = text.trim();
    const status = $('#search-status');
    const list = $('#search-results');
    this.searchAbort?.abort();
    if (!query) {
      replaceChildren(list);
      status.textContent = '';
      return;
    }
    const abort = new AbortController();
    this.searchAbort = abort;
    status.textContent = 'Searching…';
    try {
      const { totalCount, enterprises } = await searchEnterprises(query, abort.signal);
      if (abort.signal.aborted) return;
      for (const enterprise of enterprises) this.names.set(enterprise.id, enterprise.name);
      status.textContent =
        totalCount === 0
          ? `No enterprise matches “${query}”.`
          : totalCount > enterprises.length
            ? `${totalCount} matches, first ${enterprises.length} shown.`
            : `${totalCount} ${totalCount === 1 ? 'match' : 'matches'}.`;
      replaceChildren(
        list,
        enterprises.map((enterprise) =>
          searchResultItem(enterprise, enterprise.id === this.startId, (id) => void this.loadChain(id)),
        ),
      );
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      status.textContent = `Search failed: ${errorMessage(error)}`;
      replaceChildren(list);
    }
  }

  private async loadSuggestions() {
    try {
      const suggestions = await fetchEnterprises(SUGGESTED_STARTS);
      if (!suggestions.length) return;
      replaceChildren($('#suggestions'), ...suggestionChips(suggestions, (id) => void this.loadChain(id)));
    } catch {
      // Suggestions are a convenience; search works without them.
    }
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
      this.setGraphScenario();
      this.highlightImpact();
      this.timeline.chainChanged();
      this.renderChainTitle();
      const kinds = new Set(chain.nodes.map((node) => node.enterprise.kind));
      for (const item of document.querySelectorAll<HTMLElement>('.legend-item[data-kind]')) {
        item.classList.toggle('absent', !kinds.has(item.dataset.kind as EnterpriseKind));
      }
      for (const button of document.querySelectorAll<HTMLElement>('.search-result')) {
        if (button.dataset.id === id) button.setAttribute('aria-current', 'true');
        else button.removeAttribute('aria-current');
      }
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

  // ------------------------------------------------------------ scenario

  private toggle(type: 'enterprise' | 'link', id: string) {
    this.scenario.toggle(this.describeItem(type, id));
  }

  private describeItem(type: 'enterprise' | 'link', id: string): ScenarioItem {
    if (type === 'enterprise') {
      const enterprise = this.graph.enterprise(id);
      return {
        type,
        id,
        title: enterprise?.name ?? this.names.get(id) ?? id,
        detail: enterprise ? `${humanize(enterprise.kind)} · ${enterprise.region}` : id,
      };
    }
    const link = this.graph.link(id);
    const critical = this.criticalLinks?.find((item) => item.link.id === id)?.link;
    const fromId = link?.fromId ?? critical?.from.id;
    const toId = link?.toId ?? critical?.to.id;
    const from = critical?.from.name ?? (fromId ? (this.names.get(fromId) ?? fromId) : '?');
    const to = critical?.to.name ?? (toId ? (this.names.get(toId) ?? toId) : '?');
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

  private scenarioChanged() {
    this.setGraphScenario();
    this.renderScenario();
    this.renderImpactFreshness();
    this.timeline.scenarioChanged();
    if (this.hovered) this.showHover(this.hovered);
    if (this.activeTab === 'critical') this.renderTab();
  }

  private renderScenario() {
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
              { type: 'button', title: `${item.id}: show in the graph`, onclick: () => this.graph.focus(item.id) },
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

  private setGraphScenario() {
    this.graph.setScenario(
      this.scenario.ids('link'),
      this.scenario.ids('enterprise'),
      this.scenario.modes,
      this.scenario.regions,
    );
  }

  // ------------------------------------------------------------ regions and modes

  private async loadBlockChoices() {
    const slot = $('#block-choices');
    try {
      this.blockChoices = await fetchBlockChoices();
      replaceChildren(
        slot,
        blockChoices(this.blockChoices, {
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

  // ------------------------------------------------------------ saved scenarios

  private async loadSaved(selectA?: string, selectB?: string) {
    const status = $('#saved-status');
    try {
      this.saved = await fetchScenarios();
    } catch (error) {
      status.textContent = `Could not list the saved scenarios: ${errorMessage(error)}`;
      status.classList.add('error');
      return;
    }
    $('#saved-count').textContent = String(this.saved.length);
    replaceChildren($('#saved-list'), savedList(this.saved, { load: (saved) => this.loadSavedScenario(saved) }));
    const a = $<HTMLSelectElement>('#compare-a');
    const b = $<HTMLSelectElement>('#compare-b');
    const keepA = selectA ?? (a.value || this.saved[1]?.id || null);
    const keepB = selectB ?? (b.value || this.saved[0]?.id || null);
    replaceChildren(a, compareOptions(this.saved, keepA));
    replaceChildren(b, compareOptions(this.saved, keepB));
    $<HTMLButtonElement>('#compare-run').disabled = this.saved.length < 2;
  }

  private async saveCurrent() {
    const input = $<HTMLInputElement>('#scenario-name');
    const status = $('#saved-status');
    const name = input.value.trim();
    status.classList.remove('error');
    if (!name) {
      status.textContent = 'Give the scenario a name first.';
      status.classList.add('error');
      return;
    }
    status.textContent = 'Saving…';
    try {
      const saved = await saveScenario(name, this.scenario.toInput());
      input.value = '';
      status.textContent = `Saved “${saved.name}”: ${saved.report.stalledCount} stall.`;
      // The newest is B, the one before A: ready to compare with the last one saved.
      await this.loadSaved($<HTMLSelectElement>('#compare-b').value || undefined, saved.id);
    } catch (error) {
      status.textContent = `Could not save: ${errorMessage(error)}`;
      status.classList.add('error');
    }
  }

  private loadSavedScenario(saved: SavedScenarioSummary) {
    const { scenario } = saved;
    this.scenario.load(
      [
        ...scenario.blockLinks.map((id) => this.describeItem('link', id)),
        ...scenario.blockEnterprises.map((id) => this.describeItem('enterprise', id)),
      ],
      {
        regions: scenario.blockRegions,
        modes: scenario.blockModes,
        durationDays: scenario.durationDays,
        includeCurrentState: scenario.includeCurrentState,
      },
    );
    $<HTMLInputElement>('#duration-days').value = scenario.durationDays === null ? '' : String(scenario.durationDays);
    $<HTMLInputElement>('#include-current').checked = scenario.includeCurrentState;
    $('#saved-status').textContent = `Loaded “${saved.name}”.`;
    void this.runImpact();
  }

  private async compare() {
    const a = $<HTMLSelectElement>('#compare-a').value;
    const b = $<HTMLSelectElement>('#compare-b').value;
    const slot = $('#comparison');
    if (!a || !b) return;
    replaceChildren(slot, h('p.status-line', {}, 'Comparing…'));
    const name = (id: string) => this.saved.find((saved) => saved.id === id)?.name ?? id;
    try {
      const comparison = await compareScenarios(a, b);
      replaceChildren(slot, comparisonView(comparison, { a: name(a), b: name(b) }));
    } catch (error) {
      replaceChildren(slot, h('p.status-line.error', {}, `Could not compare: ${errorMessage(error)}`));
    }
  }

  // ------------------------------------------------------------ alternatives

  private async showAlternatives(item: AffectedEnterprise) {
    this.alternativesFor = { id: item.enterprise.id, name: item.enterprise.name };
    this.alternatives = null;
    this.selectTab('alternatives');
    const target = this.alternativesFor;
    try {
      const found = await fetchAlternatives(item.enterprise.id, item.missingInputs, this.scenario.toInput());
      if (this.alternativesFor === target) this.alternatives = found;
    } catch (error) {
      if (this.alternativesFor === target) this.alternatives = errorMessage(error);
    }
    if (this.activeTab === 'alternatives') this.renderTab();
  }

  // ------------------------------------------------------------ impact

  private async runImpact() {
    const request = ++this.impactRequest;
    const key = this.scenario.key();
    const status = $('#impact-status');
    const button = $<HTMLButtonElement>('#run-impact');
    status.textContent = 'Running…';
    status.classList.remove('error', 'stale');
    button.disabled = true;
    $('#impact-card').classList.add('busy');
    try {
      const report = await fetchImpact(this.scenario.toInput());
      if (request !== this.impactRequest) return;
      this.impact = report;
      this.impactKey = key;
      this.renderImpact();
      this.highlightImpact();
    } catch (error) {
      if (request !== this.impactRequest) return;
      this.impact = null;
      this.impactKey = null;
      this.highlightImpact();
      $('#impact-metrics').hidden = true;
      replaceChildren($('#impact-lists'));
      const code = error instanceof GraphQLRequestError ? error.code : undefined;
      status.textContent =
        code === 'BAD_USER_INPUT'
          ? `The scenario was refused: ${errorMessage(error)}`
          : `Impact failed: ${errorMessage(error)}`;
      status.classList.add('error');
    } finally {
      if (request === this.impactRequest) {
        $('#impact-card').classList.remove('busy');
        this.renderScenario();
      }
    }
  }

  private clearImpact() {
    this.impactRequest++;
    this.impact = null;
    this.impactKey = null;
    this.highlightImpact();
    $('#impact-metrics').hidden = true;
    replaceChildren($('#impact-lists'));
    const status = $('#impact-status');
    status.classList.remove('error', 'stale');
    status.textContent = 'Run a scenario to see who stalls.';
  }

  private highlightImpact() {
    if (!this.impact) {
      this.graph.setImpact(null);
      return;
    }
    this.graph.setImpact(
      this.impact.stalled.edges.map((edge) => edge.node),
      this.impact.partial.edges.map((edge) => edge.node),
    );
  }

  private renderImpactFreshness() {
    if (!this.impact) return;
    const status = $('#impact-status');
    const stale = this.impactKey !== this.scenario.key();
    status.classList.toggle('stale', stale);
    if (stale) status.textContent = 'The scenario has changed: run it again to update.';
    else this.renderImpactSummary();
  }

  private renderImpactSummary() {
    const report = this.impact;
    if (!report) return;
    const status = $('#impact-status');
    const duration = this.scenario.durationDays;
    status.textContent =
      report.stalledCount === 0 && report.partialCount === 0
        ? `Nothing stalls${duration !== null ? ` within ${formatNumber(duration)} days` : ''}.`
        : duration !== null
          ? `Within a ${formatNumber(duration)}-day block:`
          : 'Blocked until further notice:';
  }

  private renderImpact() {
    const report = this.impact;
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
    this.renderImpactSummary();
    $('#impact-status').classList.remove('stale', 'error');

    replaceChildren(
      $('#impact-lists'),
      impactLists(report, {
        inGraph: (id) => this.graph.has(id),
        show: (id) => (this.graph.has(id) ? this.graph.focus(id) : void this.loadChain(id)),
        alternatives: (item) => void this.showAlternatives(item),
      }),
    );
  }

  // ------------------------------------------------------------ hover details

  private hovered: Hovered | null = null;

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

  // ------------------------------------------------------------ bottom tabs

  private selectTab(name: string) {
    this.activeTab = name;
    for (const tab of document.querySelectorAll<HTMLElement>('.tab'))
      tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    this.renderTab();
  }

  private renderTab() {
    const body = $('#tab-body');
    if (this.activeTab === 'alternatives') {
      replaceChildren(
        body,
        alternativesView(this.alternativesFor, this.alternatives, (id) =>
          this.graph.has(id) ? this.graph.focus(id) : void this.loadChain(id),
        ),
      );
      return;
    }
    if (this.activeTab === 'critical') {
      replaceChildren(
        body,
        criticalTable(
          { links: this.criticalLinks, error: this.criticalError },
          {
            isBlocked: (id) => this.scenario.has(id),
            toggle: (id) => {
              this.toggle('link', id);
              if (this.graph.has(id)) this.graph.focus(id);
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

  private async loadCriticalLinks() {
    this.criticalLinks = null;
    this.criticalError = null;
    if (this.activeTab === 'critical') this.renderTab();
    try {
      this.criticalLinks = await fetchCriticalLinks(this.scenario.includeCurrentState);
      for (const item of this.criticalLinks) {
        this.names.set(item.link.from.id, item.link.from.name);
        this.names.set(item.link.to.id, item.link.to.name);
      }
    } catch (error) {
      this.criticalError = errorMessage(error);
    }
    if (this.activeTab === 'critical') this.renderTab();
  }

  private async loadPlan() {
    try {
      this.plan = await fetchResumptionPlan();
    } catch (error) {
      this.plan = errorMessage(error);
    }
    if (this.activeTab === 'plan') this.renderTab();
  }

  private async loadRecovery(grouping: RecoveryGrouping) {
    try {
      this.recovery.set(grouping, await fetchRecovery(grouping));
    } catch (error) {
      this.recovery.set(grouping, errorMessage(error));
    }
    this.renderTab();
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
