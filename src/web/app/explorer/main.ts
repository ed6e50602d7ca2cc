import './explorer.css';
import {
  AFFECTED_PAGE_SIZE,
  fetchChain,
  fetchCriticalLinks,
  fetchImpact,
  fetchRecovery,
  searchEnterprises,
  type AffectedEnterprise,
  type Chain,
  type CriticalLink,
  type EnterpriseKind,
  type EnterpriseSummary,
  type ImpactReport,
  type RecoveryGroup,
  type RecoveryGrouping,
} from './api';
import { graphql, GraphQLRequestError } from '../shared/graphql-client';
import { formatNumber, formatPercent, formatStallDay, h, humanize, replaceChildren } from './dom';
import { GraphView, type Hovered } from './graph-view';
import { KIND_COLOURS, STATUS_COLOURS } from './palette';
import { Scenario, type ScenarioItem } from './scenario';

/** Demo enterprises offered as a start when they exist (see data/README.md). */
const SUGGESTED_STARTS = ['kq-dye-alice', 'fq-chem-chuandong', 'sj-components-mall', 'nb-yesgo-valley'];
const DEFAULT_DEPTH = 2;

const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document) => {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`${selector} is missing`);
  return element;
};

function errorMessage(error: unknown): string {
  if (error instanceof GraphQLRequestError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

// ---------------------------------------------------------------- page shell

function renderShell(root: HTMLElement) {
  replaceChildren(
    root,
    h(
      'header.topbar',
      {},
      h(
        'div.brand',
        {},
        h('span.brand-mark', { 'aria-hidden': 'true' }),
        'Linkfall',
        h('span.brand-sub', {}, 'chain explorer'),
      ),
      h('nav', {}, h('a.nav-link', { href: '/graphql', id: 'ide-link' }, 'GraphQL IDE →')),
    ),
    h(
      'main.layout',
      {},
      h(
        'aside.sidebar',
        {},
        h(
          'section.card#search-card',
          {},
          h('h2', {}, 'Find an enterprise'),
          h(
            'form.search-form#search-form',
            { role: 'search' },
            h('input#search-input', {
              type: 'search',
              placeholder: 'Name or id, e.g. dyeing',
              autocomplete: 'off',
              'aria-label': 'Search enterprises by name or id',
            }),
            h('button.button#search-button', { type: 'submit' }, 'Search'),
          ),
          h('p.status-line#search-status', {}),
          h('ul.result-list#search-results', {}),
        ),
        h(
          'section.card#scenario-card',
          {},
          h('h2', {}, 'Scenario ', h('span.badge#scenario-count', {}, '0')),
          h(
            'p.hint',
            {},
            'Click links or enterprises in the graph, or a critical link, to block them. Click again to unblock.',
          ),
          h('ul.scenario-list#scenario-items', {}),
          h(
            'div.scenario-options',
            {},
            h(
              'label.field',
              { for: 'duration-days' },
              h('span', {}, 'Blocked for (days)'),
              h('input#duration-days', {
                type: 'number',
                min: '0',
                step: '0.5',
                placeholder: 'for good',
                inputmode: 'decimal',
              }),
            ),
            h(
              'label.check',
              { title: "Start from today's state: links BLOCKED and enterprises STALLED or CLOSED now stay so." },
              h('input#include-current', { type: 'checkbox' }),
              h('span', {}, "Include today's blockages"),
            ),
          ),
          h(
            'div.actions',
            {},
            h('button.button.primary#run-impact', { type: 'button' }, 'Run impact'),
            h('button.button.ghost#clear-scenario', { type: 'button' }, 'Clear'),
          ),
        ),
        h(
          'section.card#impact-card',
          {},
          h('h2', {}, 'Impact'),
          h('p.status-line#impact-status', {}, 'Run a scenario to see who stalls.'),
          h(
            'div.metrics#impact-metrics',
            { hidden: true },
            metric('impact-stalled-count', 'stalled', 'Enterprises with no output'),
            metric('impact-partial-count', 'partial', 'Enterprises running below their normal output'),
            metric(
              'impact-lost-output',
              'lost output / day',
              'Normal daily output lost, summed over the affected enterprises in their own units',
            ),
          ),
          h('div#impact-lists', {}),
        ),
      ),
      h(
        'section.workspace',
        {},
        h(
          'div.graph-toolbar',
          {},
          h('div.chain-title#chain-title', {}, 'No chain drawn yet'),
          h(
            'div.toolbar-controls',
            {},
            h(
              'label.field.inline',
              { for: 'depth-select' },
              h('span', {}, 'Hops'),
              h(
                'select#depth-select',
                {},
                [1, 2, 3, 4, 5, 6].map((depth) =>
                  h('option', { value: String(depth), selected: depth === DEFAULT_DEPTH }, String(depth)),
                ),
              ),
            ),
            h('button.button.ghost#fit-graph', { type: 'button', title: 'Fit the chain to the view' }, 'Fit'),
          ),
        ),
        h(
          'div.graph-wrap',
          {},
          h('div#graph', { 'aria-label': 'Supply chain graph' }),
          h(
            'div.graph-empty#graph-empty',
            {},
            h('p.empty-title', {}, 'Search for an enterprise to draw its supply chain'),
            h('p.hint', {}, 'Suppliers on the left, customers on the right, one column per hop.'),
            h('div.suggestions#suggestions', {}),
          ),
          h('div.hover-info#hover-info', { hidden: true }),
        ),
        legend(),
        h(
          'div.bottom-panel',
          {},
          h(
            'div.tabs',
            { role: 'tablist' },
            tab('critical', 'Critical links', true),
            tab('recovery-region', 'Recovery by region'),
            tab('recovery-kind', 'Recovery by kind'),
          ),
          h('div.tab-body#tab-body', {}),
        ),
      ),
    ),
  );
}

function metric(id: string, label: string, title: string) {
  return h('div.metric', { title }, h('div.metric-value', { id }, '–'), h('div.metric-label', {}, label));
}

function tab(id: string, label: string, selected = false) {
  return h(
    'button.tab',
    { type: 'button', role: 'tab', 'data-tab': id, 'aria-selected': selected ? 'true' : 'false' },
    label,
  );
}

function legend() {
  const kinds = Object.entries(KIND_COLOURS) as [EnterpriseKind, string][];
  return h(
    'div.legend#legend',
    {},
    h(
      'div.legend-group.legend-kinds',
      {},
      kinds.map(([kind, colour]) =>
        h(
          'span.legend-item',
          { 'data-kind': kind },
          h('span.swatch', { style: `background:${colour}` }),
          humanize(kind),
        ),
      ),
    ),
    h(
      'div.legend-group',
      {},
      h('span.legend-item', {}, h('span.ring', { style: `border-color:${STATUS_COLOURS.OPERATING}` }), 'operating'),
      h('span.legend-item', {}, h('span.ring.dashed', { style: `border-color:${STATUS_COLOURS.PARTIAL}` }), 'partial'),
      h(
        'span.legend-item',
        {},
        h('span.ring.thick', { style: `border-color:${STATUS_COLOURS.STALLED}` }),
        'stalled / closed',
      ),
      h('span.legend-item', {}, h('span.ring.square'), 'market, trade, logistics'),
      h('span.legend-item', {}, h('span.line.dashed-red'), 'blocked today'),
      h('span.legend-item', {}, h('span.line.black'), 'blocked in scenario'),
      h('span.legend-item', {}, h('span.halo.red'), 'stalls'),
      h('span.legend-item', {}, h('span.halo.amber'), 'runs below normal'),
      h('span.legend-item', {}, h('span.line.red'), 'how the block reaches it'),
    ),
    h('div.legend-hint', {}, 'Click: block / unblock · Double-click an enterprise: redraw around it · Scroll: zoom'),
  );
}

// ---------------------------------------------------------------- the app

class Explorer {
  private readonly scenario = new Scenario();
  readonly graph: GraphView;
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
  private activeTab = 'critical';
  /** Names seen anywhere (search, chain, critical links), for the scenario list. */
  private readonly names = new Map<string, string>();

  constructor() {
    this.graph = new GraphView($('#graph'), {
      toggle: (type, id) => this.toggle(type, id),
      recenter: (id) => void this.loadChain(id),
      hover: (element) => this.showHover(element),
    });
    this.scenario.onChange(() => this.scenarioChanged());
    this.bind();
    this.renderScenario();
    this.renderTab();
  }

  async start() {
    const [id, depth] = this.readHash();
    if (depth) this.setDepth(depth);
    void this.loadCriticalLinks();
    void this.loadSuggestions();
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
    for (const button of document.querySelectorAll<HTMLButtonElement>('.tab')) {
      button.addEventListener('click', () => {
        this.activeTab = button.dataset.tab ?? 'critical';
        for (const other of document.querySelectorAll('.tab'))
          other.setAttribute('aria-selected', String(other === button));
        this.renderTab();
      });
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
        enterprises.map((enterprise) => this.searchResult(enterprise)),
      );
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      status.textContent = `Search failed: ${errorMessage(error)}`;
      replaceChildren(list);
    }
  }

  private searchResult(enterprise: EnterpriseSummary) {
    return h(
      'li',
      {},
      h(
        'button.result.search-result',
        {
          type: 'button',
          'data-id': enterprise.id,
          'aria-current': enterprise.id === this.startId ? 'true' : null,
          onclick: () => void this.loadChain(enterprise.id),
        },
        h('span.kind-dot', {
          style: `background:${KIND_COLOURS[enterprise.kind] ?? KIND_COLOURS.OTHER}`,
          title: humanize(enterprise.kind),
        }),
        h(
          'span.result-text',
          {},
          h('span.result-name', {}, enterprise.name),
          h(
            'span.result-meta',
            {},
            `${humanize(enterprise.kind)} · ${enterprise.region} · `,
            statusTag(enterprise.status),
          ),
        ),
      ),
    );
  }

  private async loadSuggestions() {
    try {
      const data = await graphql<{ enterprises: { edges: { node: EnterpriseSummary }[] } }>(
        `
          query ExplorerSuggestions($ids: [ID!]) {
            enterprises(first: 10, filter: { ids: $ids }) {
              edges {
                node {
                  id
                  name
                  kind
                  region
                  status
                }
              }
            }
          }
        `,
        { ids: SUGGESTED_STARTS },
      );
      const found = new Map(data.enterprises.edges.map((edge) => [edge.node.id, edge.node]));
      const suggestions = SUGGESTED_STARTS.map((id) => found.get(id)).filter((e): e is EnterpriseSummary => Boolean(e));
      if (!suggestions.length) return;
      replaceChildren(
        $('#suggestions'),
        h('span.hint', {}, 'Or start from:'),
        suggestions.map((enterprise) =>
          h(
            'button.chip.suggestion',
            { type: 'button', 'data-id': enterprise.id, onclick: () => void this.loadChain(enterprise.id) },
            h('span.kind-dot', { style: `background:${KIND_COLOURS[enterprise.kind]}` }),
            `${enterprise.name} (${enterprise.region.split('/').pop()})`,
          ),
        ),
      );
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
      this.graph.showChain(chain, id);
      this.graph.setScenario(this.scenario.ids('link'), this.scenario.ids('enterprise'));
      this.highlightImpact();
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
      title: `${from} → ${to}`,
      detail: [product, mode?.toLowerCase()].filter(Boolean).join(' · ') || id,
    };
  }

  private scenarioChanged() {
    this.graph.setScenario(this.scenario.ids('link'), this.scenario.ids('enterprise'));
    this.renderScenario();
    this.renderImpactFreshness();
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
    $<HTMLButtonElement>('#run-impact').disabled = items.length === 0 && !this.scenario.includeCurrentState;
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
    $('#impact-lost-output').textContent = formatNumber(report.lostDailyOutput);
    this.renderImpactSummary();
    $('#impact-status').classList.remove('stale', 'error');

    const section = (title: string, page: ImpactReport['stalled'], outcome: 'stalled' | 'partial') => {
      if (!page.totalCount) return null;
      const shown = page.edges.length;
      return h(
        'div.affected',
        {},
        h('h3', {}, `${title} `, h('span.badge', {}, String(page.totalCount))),
        h(
          'ul.affected-list',
          { 'data-outcome': outcome },
          page.edges.map((edge) => this.affectedItem(edge.node, outcome)),
        ),
        page.totalCount > shown
          ? h('p.hint', {}, `First ${shown} of ${page.totalCount} shown (${AFFECTED_PAGE_SIZE} at most).`)
          : null,
      );
    };
    replaceChildren(
      $('#impact-lists'),
      section('Stalled', report.stalled, 'stalled'),
      section('Partial', report.partial, 'partial'),
    );
  }

  private affectedItem(item: AffectedEnterprise, outcome: 'stalled' | 'partial') {
    const inGraph = this.graph.has(item.enterprise.id);
    const unit = item.enterprise.unit ? ` ${item.enterprise.unit}` : '';
    return h(
      'li',
      {},
      h(
        'button.affected-item',
        {
          type: 'button',
          'data-id': item.enterprise.id,
          title: inGraph ? 'Show in the graph' : 'Not in the drawn chain: click to draw the chain around it',
          onclick: () =>
            this.graph.has(item.enterprise.id)
              ? this.graph.focus(item.enterprise.id)
              : void this.loadChain(item.enterprise.id),
        },
        h('span.kind-dot', { style: `background:${KIND_COLOURS[item.enterprise.kind] ?? KIND_COLOURS.OTHER}` }),
        h(
          'span.affected-text',
          {},
          h(
            'span.affected-name',
            {},
            item.enterprise.name,
            item.direct ? h('span.tag.direct', { title: 'Blocked directly by the scenario' }, 'direct') : null,
          ),
          h(
            'span.affected-meta',
            {},
            outcome === 'stalled'
              ? `stalls ${formatStallDay(item.stallsOnDay)}`
              : `${formatPercent(item.outputFraction)} output${item.stallsOnDay !== null && item.stallsOnDay !== undefined ? ` from ${formatStallDay(item.stallsOnDay)}` : ''}`,
            ` · −${formatNumber(item.lostDailyOutput)}${unit}/day`,
            item.missingInputs.length ? ` · missing ${item.missingInputs.join(', ')}` : '',
          ),
        ),
        inGraph ? null : h('span.off-graph', { title: 'Not in the drawn chain' }, '↗'),
      ),
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
    if (element.type === 'enterprise') {
      const e = element.enterprise;
      const blocked = this.scenario.has(e.id);
      replaceChildren(
        box,
        h('div.info-title', {}, e.name),
        h('div.info-id', {}, e.id),
        h(
          'dl',
          {},
          row('kind', humanize(e.kind)),
          row('region', e.region),
          row('status', statusTag(e.status), ` at ${formatPercent(e.capacityRecovery)}`),
          e.dailyCapacity !== null ? row('capacity', `${formatNumber(e.dailyCapacity)} ${e.unit ?? ''}/day`) : null,
          row(
            'tier',
            element.tier === 0
              ? 'start'
              : element.tier < 0
                ? `${-element.tier} upstream`
                : `${element.tier} downstream`,
          ),
          element.impact
            ? row(
                'impact',
                element.outcome === 'stalled'
                  ? `stalls ${formatStallDay(element.impact.stallsOnDay)}`
                  : `${formatPercent(element.impact.outputFraction)} output`,
              )
            : null,
        ),
        h(
          'div.info-hint',
          {},
          blocked ? 'Blocked in the scenario · click to unblock' : 'Click to block · double-click to redraw around it',
        ),
      );
    } else {
      const l = element.link;
      const blocked = this.scenario.has(l.id);
      replaceChildren(
        box,
        h('div.info-title', {}, `${element.from?.name ?? l.fromId} → ${element.to?.name ?? l.toId}`),
        h('div.info-id', {}, l.id),
        h(
          'dl',
          {},
          row('product', l.product),
          row('mode', l.mode.toLowerCase()),
          l.volume !== null ? row('volume', `${formatNumber(l.volume)} ${l.unit ?? ''}/day`) : null,
          row('stock', `${formatNumber(l.inventoryDays ?? 0)} days at the customer`),
          row('status', l.status === 'BLOCKED' ? h('span.tag.blocked', {}, 'blocked today') : 'open'),
        ),
        h('div.info-hint', {}, blocked ? 'Blocked in the scenario · click to unblock' : 'Click to block this link'),
      );
    }
  }

  // ------------------------------------------------------------ bottom tabs

  private renderTab() {
    const body = $('#tab-body');
    if (this.activeTab === 'critical') {
      replaceChildren(body, this.criticalTable());
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

  private async loadRecovery(grouping: RecoveryGrouping) {
    try {
      this.recovery.set(grouping, await fetchRecovery(grouping));
    } catch (error) {
      this.recovery.set(grouping, errorMessage(error));
    }
    this.renderTab();
  }

  private criticalTable() {
    if (this.criticalError)
      return h('p.status-line.error', {}, `Critical links are not available: ${this.criticalError}`);
    if (!this.criticalLinks) return h('p.status-line', {}, 'Ranking links…');
    if (!this.criticalLinks.length) return h('p.status-line', {}, 'No link stalls anything on its own.');
    return h(
      'table.data-table#critical-links',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th.num', {}, '#'),
          h('th', {}, 'Supply link'),
          h('th', {}, 'Product'),
          h('th', {}, 'Mode'),
          h('th.num', { title: 'Days of stock at the customer' }, 'Stock'),
          h('th.num', { title: 'Enterprises that stall when this link alone is blocked' }, 'Stalls'),
          h('th.num', { title: 'Normal daily output lost, in the enterprises’ own units' }, 'Lost / day'),
          h('th', {}, ''),
        ),
      ),
      h(
        'tbody',
        {},
        this.criticalLinks.map((item, index) => {
          const inScenario = this.scenario.has(item.link.id);
          return h(
            'tr.clickable',
            {
              'data-link-id': item.link.id,
              class: inScenario ? 'selected' : '',
              title: inScenario
                ? 'Blocked in the scenario: click to unblock'
                : 'Click to block this link in the scenario',
              onclick: () => {
                this.toggle('link', item.link.id);
                if (this.graph.has(item.link.id)) this.graph.focus(item.link.id);
              },
            },
            h('td.num', {}, String(index + 1)),
            h(
              'td',
              {},
              h('span.link-ends', {}, item.link.from.name, h('span.arrow', {}, ' → '), item.link.to.name),
              item.link.status === 'BLOCKED' ? h('span.tag.blocked', {}, 'blocked today') : null,
            ),
            h('td', {}, item.link.product),
            h('td', {}, item.link.mode.toLowerCase()),
            h('td.num', {}, `${formatNumber(item.link.inventoryDays ?? 0)} d`),
            h('td.num', {}, String(item.stalledCount)),
            h('td.num', {}, formatNumber(item.lostDailyOutput)),
            h('td.action', {}, h('span.toggle-label', {}, inScenario ? 'Unblock' : 'Block')),
          );
        }),
      ),
    );
  }
}

function row(label: string, ...value: (Node | string)[]) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

function statusTag(status: string) {
  return h(`span.tag.status-${status.toLowerCase()}`, {}, status.toLowerCase());
}

function recoveryTable(groups: RecoveryGroup[], grouping: RecoveryGrouping) {
  if (!groups.length) return h('p.status-line', {}, 'No enterprises yet.');
  const sorted = [...groups].sort((a, b) => b.enterpriseCount - a.enterpriseCount || a.key.localeCompare(b.key));
  const down = (group: RecoveryGroup) =>
    group.byStatus
      .filter((entry) => entry.status === 'STALLED' || entry.status === 'CLOSED')
      .reduce((sum, entry) => sum + entry.count, 0);
  return h(
    'table.data-table#recovery-table',
    { 'data-group-by': grouping },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, grouping === 'KIND' ? 'Kind' : 'Region'),
        h('th.num', {}, 'Enterprises'),
        h('th.num', { title: 'Operating or partial' }, 'Resumed'),
        h('th.num', { title: 'Stalled or closed' }, 'Down'),
        h('th.bar-col', { title: 'capacityRecovery weighted by daily capacity' }, 'Capacity recovery'),
        h('th.num', { title: 'Mean share of staff back at work' }, 'Workforce'),
      ),
    ),
    h(
      'tbody',
      {},
      sorted.map((group) =>
        h(
          'tr',
          { 'data-key': group.key },
          h('td', {}, grouping === 'KIND' ? humanize(group.key) : group.key || '(none)'),
          h('td.num', {}, String(group.enterpriseCount)),
          h('td.num', {}, `${group.resumedCount} (${formatPercent(group.resumedShare)})`),
          h('td.num', {}, String(down(group))),
          h(
            'td.bar-col',
            {},
            h(
              'div.bar',
              { title: formatPercent(group.capacityRecovery) },
              h('div.bar-fill', {
                style: `width:${Math.max(0, Math.min(1, group.capacityRecovery)) * 100}%`,
                class: group.capacityRecovery >= 0.95 ? 'good' : group.capacityRecovery >= 0.6 ? 'fair' : 'poor',
              }),
              h('span.bar-label', {}, formatPercent(group.capacityRecovery)),
            ),
          ),
          h('td.num', {}, formatPercent(group.workforceReturned)),
        ),
      ),
    ),
  );
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
window.linkfall = { cy: explorer.graph.cy };
void explorer.start();
