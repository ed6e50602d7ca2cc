import { $, errorMessage, h, replaceChildren } from './dom';
import type { Scenario } from './scenario';
import type { ScenarioPanel } from './scenario-panel';
import { compareScenarios, fetchScenarios, saveScenario, type SavedScenarioSummary } from './scenario-api';
import { comparisonView, compareOptions, savedList } from './saved-scenarios';

// The saved scenarios card: save the scenario being edited under a name, load a saved one back, and
// compare two of them.

/** What the card needs of the explorer. */
export interface SavedScenariosPanelHost {
  scenario: Scenario;
  /** Describes the loaded scenario's items and fills in its fields. */
  scenarioPanel: Pick<ScenarioPanel, 'describeItem' | 'showFields'>;
  /** A loaded scenario is run at once. */
  runImpact(): void;
}

export class SavedScenariosPanel {
  private saved: SavedScenarioSummary[] = [];

  constructor(private readonly host: SavedScenariosPanelHost) {}

  bind() {
    $('#save-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.saveCurrent();
    });
    $('#compare-run').addEventListener('click', () => void this.compare());
  }

  /** Lists the saved scenarios and fills the compare selects, keeping (or making) their selection. */
  async load(selectA?: string, selectB?: string) {
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
      const saved = await saveScenario(name, this.host.scenario.toInput());
      input.value = '';
      status.textContent = `Saved “${saved.name}”: ${saved.report.stalledCount} stall.`;
      // The newest is B, the one before A: ready to compare with the last one saved.
      await this.load($<HTMLSelectElement>('#compare-b').value || undefined, saved.id);
    } catch (error) {
      status.textContent = `Could not save: ${errorMessage(error)}`;
      status.classList.add('error');
    }
  }

  private loadSavedScenario(saved: SavedScenarioSummary) {
    const { scenario } = saved;
    const { scenarioPanel } = this.host;
    this.host.scenario.load(
      [
        ...scenario.blockLinks.map((id) => scenarioPanel.describeItem('link', id)),
        ...scenario.blockEnterprises.map((id) => scenarioPanel.describeItem('enterprise', id)),
      ],
      {
        regions: scenario.blockRegions,
        modes: scenario.blockModes,
        durationDays: scenario.durationDays,
        includeCurrentState: scenario.includeCurrentState,
      },
    );
    scenarioPanel.showFields(scenario.durationDays, scenario.includeCurrentState);
    $('#saved-status').textContent = `Loaded “${saved.name}”.`;
    this.host.runImpact();
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
}
