import type { EnterpriseKind } from './api';
import { h, humanize, replaceChildren } from './dom';
import { KIND_COLOURS, STATUS_COLOURS } from './palette';

// The explorer's page: top bar, sidebar (search, scenario, impact), graph, legend and bottom tabs.
// Its elements carry the ids the explorer and the browser tests find them by.

/** Hops drawn around the start enterprise until the user picks another number. */
export const DEFAULT_DEPTH = 2;

export function renderShell(root: HTMLElement) {
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
      h(
        'nav.top-nav',
        {},
        h('div#token-slot', {}),
        h('a.nav-link', { href: '/graphql', id: 'ide-link' }, 'GraphQL IDE →'),
      ),
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
            'details.block-choices#block-choices-panel',
            {},
            h('summary', {}, 'Block whole regions or transport modes ', h('span.badge#block-choice-count', {}, '0')),
            h('div#block-choices', {}, h('p.hint', {}, 'Loading the regions and modes…')),
          ),
          h(
            'div.actions',
            {},
            h('button.button.primary#run-impact', { type: 'button' }, 'Run impact'),
            h('button.button.ghost#clear-scenario', { type: 'button' }, 'Clear'),
          ),
        ),
        h(
          'section.card#saved-card',
          {},
          h('h2', {}, 'Saved scenarios ', h('span.badge#saved-count', {}, '0')),
          h(
            'form.search-form#save-form',
            {},
            h('input#scenario-name', {
              type: 'text',
              placeholder: 'Name this scenario',
              autocomplete: 'off',
              maxlength: '120',
              'aria-label': 'Name of the scenario to save',
            }),
            h('button.button#save-scenario', { type: 'submit' }, 'Save'),
          ),
          h('p.status-line#saved-status', {}),
          h('ul.scenario-list.saved-list#saved-list', {}),
          h(
            'div.compare-form',
            {},
            h('label.field', { for: 'compare-a' }, h('span', {}, 'A'), h('select#compare-a', {})),
            h('label.field', { for: 'compare-b' }, h('span', {}, 'B'), h('select#compare-b', {})),
            h('button.button#compare-run', { type: 'button', disabled: true }, 'Compare'),
          ),
          h('div#comparison', {}),
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
              'impact-lost-value',
              'lost output, CNY / day',
              'Output value lost by the affected producers, CNY a day',
            ),
            metric(
              'impact-lost-trade',
              'lost trade, CNY / day',
              'Value of the goods markets, trade firms and logistics nodes no longer forward, CNY a day; ' +
                'kept apart from lost output, which it would count again',
            ),
          ),
          h('div#impact-lists', {}),
        ),
        h('section.card#timeline-card', {}),
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
            h(
              'label.field.inline',
              { for: 'layout-select' },
              h('span', {}, 'Layout'),
              h(
                'select#layout-select',
                {},
                h('option', { value: 'tiers', selected: true }, 'Tiers'),
                h('option', { value: 'geo' }, 'Map'),
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
            tab('plan', 'Resumption plan'),
            tab('alternatives', 'Alternatives'),
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
    h('span.legend-item', {}, h('span.more-swatch'), '+N more: click to open the tier'),
    h('div.legend-hint', {}, 'Click: block / unblock · Double-click an enterprise: redraw around it · Scroll: zoom'),
  );
}
