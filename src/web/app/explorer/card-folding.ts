/**
 * Every card folds away by its heading (click, Enter or Space), so a narrow screen gets to the graph and the
 * results. The headings become buttons with aria-expanded.
 */
export function enableCardFolding() {
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
}
