import type { StylesheetJson } from 'cytoscape';
import { IMPACT_COLOURS } from './palette';

// How the graph draws its elements: enterprises coloured by kind and ringed by status, "+N more" and region
// label nodes, and the classes the scenario (blocked), the impact (stalled, partial, feeds-*, dimmed) and the
// pointer (hovered) put on them.

/** Labels drawn smaller than this many px are hidden rather than shown unreadable. */
export const LABEL_MIN_PX = 9;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const GRAPH_STYLE: StylesheetJson = [
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
      'min-zoomed-font-size': LABEL_MIN_PX,
      'transition-property': 'opacity',
      'transition-duration': 150,
    },
  },
  {
    selector: 'node.more',
    style: {
      shape: 'round-rectangle',
      width: 'label',
      height: 22,
      padding: '6px',
      'background-color': '#eef2ff',
      'border-color': '#6366f1',
      'border-width': 1.5,
      'border-style': 'dashed',
      color: '#3730a3',
      'text-valign': 'center',
      'text-margin-y': 0,
      'text-background-opacity': 0,
      'font-weight': 'bold',
    },
  },
  {
    selector: 'node.region-label',
    style: {
      shape: 'rectangle',
      width: 1,
      height: 1,
      'background-opacity': 0,
      'border-width': 0,
      color: '#475569',
      'font-size': 14,
      'font-weight': 'bold',
      'text-valign': 'center',
      'text-background-opacity': 0,
      'text-transform': 'uppercase',
      'min-zoomed-font-size': 0,
      events: 'no',
    },
  },
  {
    selector: 'edge.blocked-by-filter',
    style: {
      width: 3,
      'line-style': 'dashed',
      'line-color': IMPACT_COLOURS.blocked,
      'target-arrow-color': IMPACT_COLOURS.blocked,
    },
  },
  { selector: 'edge.aggregate', style: { 'line-style': 'dotted', width: 1.2 } },
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
