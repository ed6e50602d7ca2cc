type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element: `h('button.primary#run', { type: 'button', onclick }, 'Run')`.
 * Attributes starting with `on` become listeners; `false`/`null` ones are left out.
 */
export function h<T extends HTMLElement = HTMLElement>(
  selector: string,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): T {
  const [, tag, rest] = /^([a-z0-9]+)(.*)$/i.exec(selector) ?? [];
  const element = document.createElement(tag) as T;
  for (const part of rest.match(/[.#][^.#]+/g) ?? []) {
    if (part.startsWith('.')) element.classList.add(part.slice(1));
    else element.id = part.slice(1);
  }
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      for (const cls of String(value).split(/\s+/).filter(Boolean)) element.classList.add(cls);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: (Child | Child[])[]) {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child === null || child === undefined || child === false) continue;
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]) {
  parent.textContent = '';
  append(parent, children);
}

import { formatMoney, formatNumber, formatPercent } from './format';

export { formatMoney, formatNumber, formatPercent };

/** "PRINTING_DYEING" -> "printing & dyeing" */
export function humanize(value: string): string {
  return value === 'PRINTING_DYEING' ? 'printing & dyeing' : value.toLowerCase().replace(/_/g, ' ');
}

/** When an enterprise stalls: "day 5", or "at once" for day 0. */
export function formatStallDay(day: number | null | undefined): string {
  if (day === null || day === undefined) return '–';
  if (day <= 0) return 'at once';
  return `day ${formatNumber(day)}`;
}

/** The element a selector names, which the page must have. */
export const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T => {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`${selector} is missing`);
  return element;
};

/** The message to show for a failed request (a GraphQLRequestError is an Error too). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One term and its value in a description list. */
export function row(label: string, ...value: (Node | string)[]) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

/** An enterprise's status as a coloured tag. */
export function statusTag(status: string) {
  return h(`span.tag.status-${status.toLowerCase()}`, {}, status.toLowerCase());
}
