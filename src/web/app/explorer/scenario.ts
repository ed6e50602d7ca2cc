import type { ScenarioInput, TransportMode } from './api';

export type ScenarioItemType = 'link' | 'enterprise';

export interface ScenarioItem {
  type: ScenarioItemType;
  id: string;
  /** What the list shows, e.g. the enterprise's name or "supplier → customer". */
  title: string;
  detail?: string;
}

/** The links and enterprises the user has blocked, in the order they were added. */
export class Scenario {
  private items = new Map<string, ScenarioItem>();
  private listeners: (() => void)[] = [];
  durationDays: number | null = null;
  includeCurrentState = false;
  /** Whole regions and transport modes blocked. */
  readonly regions = new Set<string>();
  readonly modes = new Set<TransportMode>();

  onChange(listener: () => void) {
    this.listeners.push(listener);
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }

  get size() {
    return this.items.size;
  }

  list(): ScenarioItem[] {
    return [...this.items.values()];
  }

  has(id: string) {
    return this.items.has(id);
  }

  ids(type: ScenarioItemType): Set<string> {
    return new Set(
      this.list()
        .filter((item) => item.type === type)
        .map((item) => item.id),
    );
  }

  /** Adds the item, or removes it when it is there already. Returns true when added. */
  toggle(item: ScenarioItem): boolean {
    const added = !this.items.has(item.id);
    if (added) this.items.set(item.id, item);
    else this.items.delete(item.id);
    this.changed();
    return added;
  }

  remove(id: string) {
    if (this.items.delete(id)) this.changed();
  }

  clear() {
    if (!this.items.size && !this.regions.size && !this.modes.size) return;
    this.items.clear();
    this.regions.clear();
    this.modes.clear();
    this.changed();
  }

  setRegion(region: string, blocked: boolean) {
    if (blocked) this.regions.add(region);
    else this.regions.delete(region);
    this.changed();
  }

  setMode(mode: TransportMode, blocked: boolean) {
    if (blocked) this.modes.add(mode);
    else this.modes.delete(mode);
    this.changed();
  }

  /** Replaces the whole scenario, e.g. by a saved one; `items` describe its links and enterprises. */
  load(
    items: ScenarioItem[],
    options: { regions: string[]; modes: TransportMode[]; durationDays: number | null; includeCurrentState: boolean },
  ) {
    this.items = new Map(items.map((item) => [item.id, item]));
    this.regions.clear();
    for (const region of options.regions) this.regions.add(region);
    this.modes.clear();
    for (const mode of options.modes) this.modes.add(mode);
    this.durationDays = options.durationDays;
    this.includeCurrentState = options.includeCurrentState;
    this.changed();
  }

  /** True when nothing at all is blocked. */
  get empty() {
    return !this.items.size && !this.regions.size && !this.modes.size;
  }

  setDuration(days: number | null) {
    this.durationDays = days;
    this.changed();
  }

  setIncludeCurrentState(value: boolean) {
    this.includeCurrentState = value;
    this.changed();
  }

  /** The ScenarioInput of the impact query. */
  toInput(): ScenarioInput {
    const input: ScenarioInput = {
      blockLinks: [...this.ids('link')],
      blockEnterprises: [...this.ids('enterprise')],
      includeCurrentState: this.includeCurrentState,
    };
    if (this.regions.size) input.blockRegions = [...this.regions];
    if (this.modes.size) input.blockModes = [...this.modes];
    if (this.durationDays !== null) input.durationDays = this.durationDays;
    return input;
  }

  /** Identifies the scenario, to tell whether a result is still current. */
  key(): string {
    return JSON.stringify(this.toInput());
  }
}
