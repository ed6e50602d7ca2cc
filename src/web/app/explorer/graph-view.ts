import cytoscape, { type Core, type EventObject, type NodeSingular, type EdgeSingular } from 'cytoscape';
import type { AffectedEnterprise, Chain, ChainEnterprise, ChainLink } from './api';
import { formatStallDay } from './dom';
import { KIND_COLOURS, STATUS_COLOURS } from './palette';
import { GRAPH_STYLE, LABEL_MIN_PX } from './graph-style';
import { geoLayout } from './geo-layout';
import { collapseTiers, type Collapsed } from './tier-collapse';
import { tierLayout } from './tier-layout';

export type LayoutMode = 'tiers' | 'geo';

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

/** Label size in px at zoom 1; below zoom 1 labels are scaled up to stay this size on screen, down to LABEL_MIN_ZOOM. */
export const LABEL_PX = 11;
const LABEL_MIN_ZOOM = 0.6;
/** On the map, every enterprise's name shows from this zoom on. */
const GEO_LABEL_ZOOM = 1;
/** Region names on the map stay this size on screen whatever the zoom. */
const REGION_LABEL_PX = 13;
/** Widest a label wraps at zoom 1, px; on a phone the enterprises of a tier are NARROW_NODE_GAP apart. */
const LABEL_WIDTH = 130;
const NARROW_NODE_GAP = 112;
/** Rows a tier column gets per this many px of graph height before it collapses into "+N more". */
const ROW_PX = 58;

/** The chain drawn with Cytoscape.js, laid out in tier columns. */
export class GraphView {
  readonly cy: Core;
  private enterprises = new Map<string, { enterprise: ChainEnterprise; tier: number }>();
  private links = new Map<string, ChainLink>();
  private impact: { stalled: Map<string, AffectedEnterprise>; partial: Map<string, AffectedEnterprise> } | null = null;
  private pendingClick: { id: string; timer: number } | null = null;
  private drawn: { chain: Chain; startId: string } | null = null;
  private layoutMode: LayoutMode = 'tiers';
  /** Tiers the user opened by clicking their "+N more" node; reset with each new chain. */
  private expandedTiers = new Set<number>();
  private collapsed: Collapsed | null = null;
  private labelFrame = 0;
  /** Widest a label may wrap, in model units, whatever the zoom (on a phone: the gap between enterprises). */
  private labelWidth = Infinity;
  private blocks = {
    links: new Set<string>() as ReadonlySet<string>,
    enterprises: new Set<string>() as ReadonlySet<string>,
    modes: new Set<string>() as ReadonlySet<string>,
    regions: new Set<string>() as ReadonlySet<string>,
  };

  constructor(
    container: HTMLElement,
    private readonly handlers: GraphViewHandlers,
  ) {
    this.cy = cytoscape({
      container,
      style: GRAPH_STYLE,
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
    });
    this.cy.on('tap', 'node, edge', (event) => this.onTap(event));
    this.cy.on('zoom', () => {
      if (this.labelFrame) return;
      this.labelFrame = window.requestAnimationFrame(() => {
        this.labelFrame = 0;
        this.scaleLabels();
      });
    });
    this.cy.on('mouseover', 'node.enterprise, edge.link', (event) => {
      event.target.addClass('hovered');
      this.handlers.hover(this.describe(event.target));
      container.style.cursor = 'pointer';
    });
    this.cy.on('mouseout', 'node.enterprise, edge.link', (event) => {
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

  get layout(): LayoutMode {
    return this.layoutMode;
  }

  /** Enterprises standing behind "+N more" nodes. */
  get hiddenCount(): number {
    return [...(this.collapsed?.groups.values() ?? [])].reduce((sum, group) => sum + group.hidden.length, 0);
  }

  /** Draws a chain; the start enterprise (tier 0) is drawn larger. */
  showChain(chain: Chain, startId: string) {
    this.expandedTiers = new Set();
    this.drawn = { chain, startId };
    this.enterprises = new Map(
      chain.nodes.map((node) => [node.enterprise.id, { enterprise: node.enterprise, tier: node.tier }]),
    );
    const links = chain.links.filter((link) => this.enterprises.has(link.fromId) && this.enterprises.has(link.toId));
    this.links = new Map(links.map((link) => [link.id, link]));
    this.draw();
  }

  /** Tiers in columns, or enterprises where they are on the map. */
  setLayout(mode: LayoutMode) {
    if (mode === this.layoutMode) return;
    this.layoutMode = mode;
    if (this.drawn) this.draw();
  }

  /** Opens the "+N more" node of a tier. */
  expandTier(tier: number) {
    this.expandedTiers.add(tier);
    this.draw();
  }

  private draw() {
    if (!this.drawn) return;
    const { chain, startId } = this.drawn;
    const links = [...this.links.values()];
    const edges = links.map((link) => ({ id: link.id, source: link.fromId, target: link.toId }));
    const geo = this.layoutMode === 'geo';
    const height = this.cy.container()?.clientHeight ?? 480;
    // A phone held upright: tiers run top to bottom, a few enterprises each, so the fitted chain
    // keeps its labels above LABEL_MIN_PX.
    const narrow = (this.cy.container()?.clientWidth ?? 1000) < 600;
    this.labelWidth = narrow ? NARROW_NODE_GAP * 0.9 : Infinity;
    this.collapsed = geo
      ? null
      : collapseTiers(
          chain.nodes.map((node) => ({ id: node.enterprise.id, tier: node.tier })),
          edges,
          {
            maxPerTier: narrow ? 4 : Math.min(12, Math.max(4, Math.floor(height / ROW_PX))),
            expanded: this.expandedTiers,
            keep: new Set([startId, ...this.blocks.enterprises]),
          },
        );
    const collapsed = this.collapsed;
    const shownNodes = collapsed ? chain.nodes.filter((node) => collapsed.shown.has(node.enterprise.id)) : chain.nodes;
    const shownEdges = collapsed ? collapsed.edges : edges.map((edge) => ({ ...edge, aggregate: false }));
    const groups = [...(collapsed?.groups ?? new Map<number, { id: string; hidden: string[] }>())];

    let positions: Map<string, { x: number; y: number }>;
    let regions: { region: string; x: number; y: number }[] = [];
    if (geo) {
      const layout = geoLayout(
        chain.nodes.map((node) => ({
          id: node.enterprise.id,
          lat: node.enterprise.lat,
          lon: node.enterprise.lon,
          region: node.enterprise.region,
        })),
      );
      positions = layout.positions;
      regions = layout.regions;
    } else {
      const columns = tierLayout(
        [
          ...shownNodes.map((node) => ({
            id: node.enterprise.id,
            tier: node.tier,
            sortKey: `${node.enterprise.kind} ${node.enterprise.name}`,
          })),
          // The count node goes last in its column.
          ...groups.map(([tier, group]) => ({ id: group.id, tier, sortKey: '~' })),
        ],
        shownEdges,
        narrow ? { columnGap: 150, rowGap: NARROW_NODE_GAP, denseAbove: Infinity } : {},
      );
      positions = narrow ? new Map([...columns].map(([id, { x, y }]) => [id, { x: y, y: x }])) : columns;
    }

    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(
        shownNodes.map((node) => ({
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
          classes: ['enterprise', node.enterprise.id === startId ? 'start' : ''].join(' '),
        })),
      );
      this.cy.add(
        groups.map(([tier, group]) => ({
          group: 'nodes' as const,
          data: { id: group.id, label: `+${group.hidden.length} more`, tier, count: group.hidden.length },
          position: positions.get(group.id),
          classes: 'more',
        })),
      );
      this.cy.add(
        regions.map((region) => ({
          group: 'nodes' as const,
          data: { id: `region:${region.region}`, label: region.region },
          position: { x: region.x, y: region.y },
          classes: 'region-label',
        })),
      );
      this.cy.add(
        shownEdges.map((edge) => ({
          group: 'edges' as const,
          data: {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            status: this.links.get(edge.id)?.status,
            product: this.links.get(edge.id)?.product,
          },
          classes: edge.aggregate ? 'aggregate' : 'link',
        })),
      );
    });
    this.markBlocks();
    this.cy.layout({ name: 'preset', fit: false }).run();
    this.fit();
    this.applyImpact();
  }

  /** Keeps labels LABEL_PX on screen while zoomed out to LABEL_MIN_ZOOM; further out they shrink, then hide. */
  private scaleLabels() {
    const zoom = this.cy.zoom();
    const geo = this.layoutMode === 'geo';
    const scale = 1 / Math.min(1, Math.max(zoom, LABEL_MIN_ZOOM));
    this.cy.batch(() => {
      this.cy.nodes('.region-label').style('font-size', REGION_LABEL_PX / Math.min(1, zoom));
      this.cy.nodes('.enterprise, .more').forEach((node) => {
        const base = node.hasClass('start') ? LABEL_PX + 1 : LABEL_PX;
        const size = base * scale;
        node.style({
          'font-size': size,
          'text-max-width': `${Math.min(LABEL_WIDTH * scale, this.labelWidth)}px`,
          // min-zoomed-font-size alone misses bypassed sizes: hide what would be drawn too small.
          // On the map enterprises crowd in their parks: only the start, blocks and stalls keep
          // their names until zoomed in.
          'text-opacity':
            size * zoom < LABEL_MIN_PX || (geo && zoom < GEO_LABEL_ZOOM && !node.is('.start, .blocked, .stalled'))
              ? 0
              : 1,
        });
      });
    });
  }

  fit() {
    this.cy.fit(undefined, 36);
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center();
    }
    this.scaleLabels();
  }

  /** Marks what the scenario blocks. */
  setScenario(
    blockLinks: ReadonlySet<string>,
    blockEnterprises: ReadonlySet<string>,
    blockModes: ReadonlySet<string> = new Set(),
    blockRegions: ReadonlySet<string> = new Set(),
  ) {
    this.blocks = { links: blockLinks, enterprises: blockEnterprises, modes: blockModes, regions: blockRegions };
    this.markBlocks();
    this.scaleLabels();
  }

  /** Marks what the scenario blocks: by id, and the links of a blocked mode or touching a blocked region. */
  private markBlocks() {
    const { links, enterprises, modes, regions } = this.blocks;
    const inBlockedRegion = (id: string) => regions.has(this.enterprises.get(id)?.enterprise.region ?? '');
    this.cy.batch(() => {
      this.cy.nodes('.enterprise').forEach((node) => {
        node.toggleClass('blocked', enterprises.has(node.id()));
      });
      this.cy.edges('.link').forEach((edge) => {
        const link = this.links.get(edge.id());
        edge.toggleClass('blocked', links.has(edge.id()));
        edge.toggleClass(
          'blocked-by-filter',
          Boolean(link) && (modes.has(link!.mode) || inBlockedRegion(link!.fromId) || inBlockedRegion(link!.toId)),
        );
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
    const tier = this.enterprises.get(id)?.tier;
    if (tier !== undefined && this.cy.getElementById(id).empty() && this.collapsed?.groups.has(tier)) {
      this.expandTier(tier);
    }
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.animate({ center: { eles: element }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
    element.flashClass('hovered', 900);
  }

  private applyImpact() {
    const impact = this.impact;
    this.cy.batch(() => {
      this.cy.elements().removeClass('stalled partial feeds-stall feeds-partial dimmed');
      for (const group of this.collapsed?.groups.values() ?? [])
        this.cy.getElementById(group.id).data('label', `+${group.hidden.length} more`);
      if (!impact) return;
      for (const group of this.collapsed?.groups.values() ?? []) {
        const stalls = group.hidden.filter((id) => impact.stalled.has(id)).length;
        const node = this.cy.getElementById(group.id);
        node.data('label', `+${group.hidden.length} more${stalls ? ` (${stalls} stall)` : ''}`);
        if (stalls) node.addClass('stalled');
      }
      this.cy.nodes('.enterprise').forEach((node) => {
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
      this.cy.edges('.link').forEach((edge) => {
        if (edge.hasClass('blocked')) return;
        if (stallCauses.has(edge.id())) edge.addClass('feeds-stall');
        else if (partialCauses.has(edge.id())) edge.addClass('feeds-partial');
        else edge.addClass('dimmed');
      });
    });
    this.scaleLabels();
  }

  private onTap(event: EventObject) {
    const element = event.target as NodeSingular | EdgeSingular;
    const id = element.id();
    const isNode = element.isNode();
    if (element.hasClass('more')) {
      this.expandTier(Number(element.data('tier')));
      return;
    }
    if (!element.hasClass('enterprise') && !element.hasClass('link')) return;
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
