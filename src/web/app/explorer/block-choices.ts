import type { TransportMode } from './api';
import { h, humanize } from './dom';

export interface BlockChoiceActions {
  isRegionBlocked(region: string): boolean;
  isModeBlocked(mode: TransportMode): boolean;
  setRegion(region: string, blocked: boolean): void;
  setMode(mode: TransportMode, blocked: boolean): void;
}

/** Check boxes for the transport modes and the regions the API knows of, checked when blocked. */
export function blockChoices(choices: { regions: string[]; modes: TransportMode[] }, actions: BlockChoiceActions) {
  const check = (name: string, value: string, label: string, checked: boolean, set: (on: boolean) => void) =>
    h(
      'label.choice',
      { title: `Block every link ${name === 'mode' ? `by ${label}` : `into or out of ${label}`}` },
      h('input', {
        type: 'checkbox',
        name,
        value,
        checked,
        onchange: (event: Event) => set((event.target as HTMLInputElement).checked),
      }),
      h('span', {}, label),
    );
  return [
    h('div.choice-title', {}, 'Transport modes'),
    h(
      'div.choice-grid#block-modes',
      {},
      choices.modes.map((mode) =>
        check('mode', mode, humanize(mode), actions.isModeBlocked(mode), (on) => actions.setMode(mode, on)),
      ),
    ),
    h('div.choice-title', {}, 'Regions'),
    h(
      'div.choice-grid.regions#block-regions',
      {},
      choices.regions.map((region) =>
        check('region', region, region, actions.isRegionBlocked(region), (on) => actions.setRegion(region, on)),
      ),
    ),
  ];
}
