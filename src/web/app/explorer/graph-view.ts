import cytoscape, {
  type Core,
  type EventObject,
  type NodeSingular,
  type EdgeSingular,
  type StylesheetJson,
} from 'cytoscape';
import type { AffectedEnterprise, Chain, ChainEnterprise, ChainLink } from './api';
import { formatStallDay } from './dom';
import { IMPACT_COLOURS, KIND_COLOURS, STATUS_COLOURS } from './palette';
import { tierLayout } from './tier-layout';

export type Hovered =
  | {
      type: 'enterprise';
      enterprise: ChainEnterprise;
      tier: number;
      impact?: AffectedEnterprise;
      outcome?: 'stalled' | 'partial';
    }
  | { type: 'link'; link: ChainLink; from?: ChainEnterprise; to?: ChainEnterprise };

export interface GraphViewHandlers {
  /** A click on an enterprise or a link: add it to the scenario or take it out. */
  toggle(type: 'enterprise' | 'link', id: string): void;
  /** A double click on an enterprise: draw the chain around it. */
  recenter(id: string): void;
  hover(element: Hovered | null): void;
}

/** Two clicks on the same element within this many ms are a double click. */
const DOUBLE_CLICK_MS = 280;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      'border-color': 'data(ring)',
      'border-width': 3,
      width: 26,
      height: 26,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 11,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'text-background-shape': 'roundrectangle',
      'transition-property': 'opacity',
      'transition-duration': 150,
    },
  },
  { selector: 'node[?passThrough]', style: { shape: 'round-rectangle' } },
  { selector: 'node[status = "PARTIAL"]', style: { 'border-style': 'dashed' } },
  { selector: 'node[status = "STALLED"], node[status = "CLOSED"]', style: { 'border-width': 5 } },
  {
    selector: 'node.start',
    style: { width: 38, height: 38, 'font-size': 12, 'font-weight': 'bold', 'border-width': 4 },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      width: 1.6,
      'line-color': IMPACT_COLOURS.linkOpen,
      'target-arrow-shape': 'triangle',
      'target-arrow-color': IMPACT_COLOURS.linkOpen,
      'arrow-scale': 0.9,
      'transition-property': 'opacity',
      'transition-duration': 150,
    },
  },
  {
    selector: 'edge[status = "BLOCKED"]',
    style: {
      'line-style': 'dashed',
      'line-color': IMPACT_COLOURS.linkBlockedNow,
      'target-arrow-color': IMPACT_COLOURS.linkBlockedNow,
    },
  },
  {
    selector: 'node.stalled',
    style: {
      'underlay-color': IMPACT_COLOURS.stalled,
      'underlay-opacity': 0.45,
      'underlay-padding': 9,
      'underlay-shape': 'ellipse',
      label: 'data(impactLabel)',
      color: '#991b1b',
      'font-weight': 'bold',
    },
  },
  {
    selector: 'node.partial',
    style: {
      'underlay-color': IMPACT_COLOURS.partial,
      'underlay-opacity': 0.45,
      'underlay-padding': 8,
      'underlay-shape': 'ellipse',
      label: 'data(impactLabel)',
      color: '#92400e',
    },
  },
  { selector: 'edge.feeds-stall', style: { 'line-color': '#ef4444', 'target-arrow-color': '#ef4444', width: 2.6 } },
  { selector: 'edge.feeds-partial', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 2 } },
  {
    selector: 'node.blocked',
    style: {
      'underlay-color': IMPACT_COLOURS.blocked,
      'underlay-opacity': 0.6,
      'underlay-padding': 8,
      'underlay-shape': 'ellipse',
      label: 'data(blockedLabel)',
      color: '#111827',
      'font-weight': 'bold',
    },
  },
  {
    selector: 'edge.blocked',
    style: {
      width: 4,
      'line-style': 'solid',
      'line-color': IMPACT_COLOURS.blocked,
      'target-arrow-color': IMPACT_COLOURS.blocked,
      label: '✕',
      'font-size': 15,
      'font-weight': 'bold',
      color: '#ffffff',
      'text-background-color': IMPACT_COLOURS.blocked,
      'text-background-opacity': 1,
      'text-background-shape': 'roundrectangle',
      'text-background-padding': '2px',
    },
  },
  { selector: '.dimmed', style: { opacity: 0.28 } },
  { selector: 'node.hovered', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
  { selector: 'edge.hovered', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.2, 'overlay-padding': 5 } },
];

/** The chain drawn with Cytoscape.js, laid out in tier columns. */
export class GraphView {
  readonly cy: Core;
  private enterprises = new Map<string, { enterprise: ChainEnterprise; tier: number }>();
  private links = new Map<string, ChainLink>();
  private impact: { stalled: Map<string, AffectedEnterprise>; partial: Map<string, AffectedEnterprise> } | null = null;
  private pendingClick: { id: string; timer: number } | null = null;

  constructor(
    container: HTMLElement,
    private readonly handlers: GraphViewHandlers,
  ) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
    });
    this.cy.on('tap', 'node, edge', (event) => this.onTap(event));
    this.cy.on('mouseover', 'node, edge', (event) => {
      event.target.addClass('hovered');
      this.handlers.hover(this.describe(event.target));
      container.style.cursor = 'pointer';
    });
    this.cy.on('mouseout', 'node, edge', (event) => {
      event.target.removeClass('hovered');
      this.handlers.hover(null);
      container.style.cursor = '';
    });
    // Cytoscape misses the mouseout when the pointer leaves the canvas straight from an element.
    container.addEventListener('mouseleave', () => {
      this.cy.elements('.hovered').removeClass('hovered');
      this.handlers.hover(null);
      container.style.cursor = '';
    });
  }

  get nodeCount() {
    return this.enterprises.size;
  }

  get linkCount() {
    return this.links.size;
  }

  has(id: string) {
    return this.enterprises.has(id) || this.links.has(id);
  }

  enterprise(id: string) {
    return this.enterprises.get(id)?.enterprise;
  }

  link(id: string) {
    return this.links.get(id);
  }

  /** Draws a chain; the start enterprise (tier 0) is drawn larger. */
  showChain(chain: Chain, startId: string) {
    this.enterprises = new Map(
      chain.nodes.map((node) => [node.enterprise.id, { enterprise: node.enterprise, tier: node.tier }]),
    );
    const links = chain.links.filter((link) => this.enterprises.has(link.fromId) && this.enterprises.has(link.toId));
    this.links = new Map(links.map((link) => [link.id, link]));

    const positions = tierLayout(
      chain.nodes.map((node) => ({
        id: node.enterprise.id,
        tier: node.tier,
        sortKey: `${node.enterprise.kind} ${node.enterprise.name}`,
      })),
      links.map((link) => ({ source: link.fromId, target: link.toId })),
    );

    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(
        chain.nodes.map((node) => ({
          group: 'nodes' as const,
          data: {
            id: node.enterprise.id,
            label: node.enterprise.name,
            kind: node.enterprise.kind,
            status: node.enterprise.status,
            passThrough: node.enterprise.passThrough,
            colour: KIND_COLOURS[node.enterprise.kind] ?? KIND_COLOURS.OTHER,
            ring: STATUS_COLOURS[node.enterprise.status] ?? STATUS_COLOURS.OPERATING,
            tier: node.tier,
            blockedLabel: `✕ ${node.enterprise.name}`,
          },
          position: positions.get(node.enterprise.id),
          classes: node.enterprise.id === startId ? 'start' : '',
        })),
      );
      this.cy.add(
        links.map((link) => ({
          group: 'edges' as const,
          data: { id: link.id, source: link.fromId, target: link.toId, status: link.status, product: link.product },
        })),
      );
    });
    this.cy.layout({ name: 'preset', fit: false }).run();
    this.fit();
    this.applyImpact();
  }

  fit() {
    this.cy.fit(undefined, 36);
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center();
    }
  }

  /** Marks what the scenario blocks. */
  setScenario(blockLinks: ReadonlySet<string>, blockEnterprises: ReadonlySet<string>) {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass('blocked', blockEnterprises.has(node.id()));
      });
      this.cy.edges().forEach((edge) => {
        edge.toggleClass('blocked', blockLinks.has(edge.id()));
      });
    });
  }

  /** Highlights the stalled and partial enterprises of an impact report; null clears. */
  setImpact(stalled: AffectedEnterprise[] | null, partial: AffectedEnterprise[] = []) {
    this.impact = stalled
      ? {
          stalled: new Map(stalled.map((item) => [item.enterprise.id, item])),
          partial: new Map(partial.map((item) => [item.enterprise.id, item])),
        }
      : null;
    this.applyImpact();
  }

  /** Pans to an enterprise or link and flashes it. */
  focus(id: string) {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.animate({ center: { eles: element }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
    element.flashClass('hovered', 900);
  }

  private applyImpact() {
    const impact = this.impact;
    this.cy.batch(() => {
      this.cy.elements().removeClass('stalled partial feeds-stall feeds-partial dimmed');
      if (!impact) return;
      this.cy.nodes().forEach((node) => {
        const stalled = impact.stalled.get(node.id());
        const partial = impact.partial.get(node.id());
        if (stalled) {
          node.addClass('stalled');
          const day = stalled.stallsOnDay;
          node.data(
            'impactLabel',
            `${node.data('label')}\n${day === null || day === undefined ? 'stalls' : `stalls ${formatStallDay(day)}`}`,
          );
        } else if (partial) {
          node.addClass('partial');
          node.data('impactLabel', `${node.data('label')}\n${Math.round(partial.outputFraction * 100)}% output`);
        } else if (!node.hasClass('blocked')) {
          node.addClass('dimmed');
        }
      });
      // The links through which a block reaches each affected enterprise.
      const stallCauses = new Set([...impact.stalled.values()].flatMap((item) => item.cause ?? []));
      const partialCauses = new Set([...impact.partial.values()].flatMap((item) => item.cause ?? []));
      this.cy.edges().forEach((edge) => {
        if (edge.hasClass('blocked')) return;
        if (stallCauses.has(edge.id())) edge.addClass('feeds-stall');
        else if (partialCauses.has(edge.id())) edge.addClass('feeds-partial');
        else edge.addClass('dimmed');
      });
    });
  }

  private onTap(event: EventObject) {
    const element = event.target as NodeSingular | EdgeSingular;
    const id = element.id();
    const isNode = element.isNode();
    if (this.pendingClick && this.pendingClick.id === id) {
      window.clearTimeout(this.pendingClick.timer);
      this.pendingClick = null;
      if (isNode) this.handlers.recenter(id);
      return;
    }
    if (this.pendingClick) {
      // A click elsewhere settles the previous one at once.
      window.clearTimeout(this.pendingClick.timer);
      this.settle(this.pendingClick.id);
    }
    const timer = window.setTimeout(() => this.settle(id), isNode ? DOUBLE_CLICK_MS : 0);
    this.pendingClick = { id, timer };
  }

  private settle(id: string) {
    this.pendingClick = null;
    if (this.enterprises.has(id)) this.handlers.toggle('enterprise', id);
    else if (this.links.has(id)) this.handlers.toggle('link', id);
  }

  private describe(element: NodeSingular | EdgeSingular): Hovered | null {
    const id = element.id();
    const entry = this.enterprises.get(id);
    if (entry) {
      const stalled = this.impact?.stalled.get(id);
      const partial = this.impact?.partial.get(id);
      return {
        type: 'enterprise',
        enterprise: entry.enterprise,
        tier: entry.tier,
        impact: stalled ?? partial,
        outcome: stalled ? 'stalled' : partial ? 'partial' : undefined,
      };
    }
    const link = this.links.get(id);
    if (link) return { type: 'link', link, from: this.enterprise(link.fromId), to: this.enterprise(link.toId) };
    return null;
  }
}
