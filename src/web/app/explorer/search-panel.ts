import { fetchEnterprises, searchEnterprises } from './api';
import { $, errorMessage, replaceChildren } from './dom';
import { searchResultItem, suggestionChips } from './search-results';

// The search card: enterprises by name as the user types, and a few demo enterprises to start from.

/** Demo enterprises offered as a start when they exist (see data/README.md). */
const SUGGESTED_STARTS = ['kq-dye-alice', 'fq-chem-chuandong', 'sj-components-mall', 'nb-yesgo-valley'];

/** What the card needs of the explorer. */
export interface SearchPanelHost {
  /** Names seen anywhere: the results add theirs. */
  names: Map<string, string>;
  /** The enterprise whose chain is drawn, marked in the results. */
  startId(): string | null;
  /** Draws the chain around an enterprise. */
  open(id: string): void;
}

export class SearchPanel {
  private abort: AbortController | null = null;

  constructor(private readonly host: SearchPanelHost) {}

  bind() {
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
  }

  /** Marks the result whose chain is drawn. */
  markCurrent(id: string) {
    for (const button of document.querySelectorAll<HTMLElement>('.search-result')) {
      if (button.dataset.id === id) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  private async search(text: string) {
    const query = text.trim();
    const status = $('#search-status');
    const list = $('#search-results');
    this.abort?.abort();
    if (!query) {
      replaceChildren(list);
      status.textContent = '';
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    status.textContent = 'Searching…';
    try {
      const { totalCount, enterprises } = await searchEnterprises(query, abort.signal);
      if (abort.signal.aborted) return;
      for (const enterprise of enterprises) this.host.names.set(enterprise.id, enterprise.name);
      status.textContent =
        totalCount === 0
          ? `No enterprise matches “${query}”.`
          : totalCount > enterprises.length
            ? `${totalCount} matches, first ${enterprises.length} shown.`
            : `${totalCount} ${totalCount === 1 ? 'match' : 'matches'}.`;
      replaceChildren(
        list,
        enterprises.map((enterprise) =>
          searchResultItem(enterprise, enterprise.id === this.host.startId(), (id) => this.host.open(id)),
        ),
      );
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      status.textContent = `Search failed: ${errorMessage(error)}`;
      replaceChildren(list);
    }
  }

  /** Offers the demo enterprises that exist as chips to start from. */
  async loadSuggestions() {
    try {
      const suggestions = await fetchEnterprises(SUGGESTED_STARTS);
      if (!suggestions.length) return;
      replaceChildren($('#suggestions'), ...suggestionChips(suggestions, (id) => this.host.open(id)));
    } catch {
      // Suggestions are a convenience; search works without them.
    }
  }
}
