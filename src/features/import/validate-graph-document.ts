import { type ValidationError, validateSync } from 'class-validator';
import { EnterpriseInput } from '../enterprise/enterprise.input';
import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import type { InputProblem } from '../../platform/graphql/user-errors';
import { validationProblems } from '../../platform/graphql/validation-problems';
import { toEnterpriseRow } from '../enterprise/to-enterprise-row';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { SupplyLinkInput } from '../supply-link/supply-link.input';
import { toSupplyLinkRow } from '../supply-link/to-supply-link-row';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';

/** A document that passed every check that needs no database. */
export interface ValidatedGraph {
  enterprises: EnterpriseRow[];
  links: SupplyLinkRow[];
  /** Enterprise ids links refer to that the document itself does not define. */
  externalReferences: Map<string, string[]>;
  /** Row label of each enterprise id and of each link id, to name a row a later check refuses. */
  enterpriseRows: Map<string, string>;
  linkRows: Map<string, string>;
}

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

function messages(errors: ValidationError[]): string[] {
  return validationProblems(errors).map((problem) => problem.message);
}

function describe(label: string, row: unknown): string {
  const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `${label} (${id})` : label;
}

/**
 * Checks a whole import document and lists every problem by row: field rules
 * (the same class-validator rules as the GraphQL inputs, so the same
 * messages), duplicate ids (within a type and across types) and links between
 * missing enterprises. Nothing is
 * written unless it passes.
 */
export function validateGraphDocument(
  document: GraphDocument,
  labels: RowLabels = JSON_ROW_LABELS,
): { graph: ValidatedGraph; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const enterprises: EnterpriseRow[] = [];
  const links: SupplyLinkRow[] = [];
  const enterpriseRows = new Map<string, string>();
  const linkRows = new Map<string, string>();
  const externalReferences = new Map<string, string[]>();

  (document.enterprises ?? []).forEach((raw, index) => {
    const label = describe(labels.enterprise(index), raw);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ path: label, message: 'must be an object with the enterprise fields' });
      return;
    }
    const input = Object.assign(new EnterpriseInput(), raw);
    const rowProblems = messages(validateSync(input, VALIDATION));
    const earlier = enterpriseRows.get(input.id);
    if (typeof input.id === 'string' && earlier !== undefined)
      rowProblems.push(`duplicate id "${input.id}", also at ${earlier}`);
    for (const message of rowProblems) problems.push({ path: label, message });
    if (rowProblems.length > 0) return;
    enterpriseRows.set(input.id, labels.enterprise(index));
    enterprises.push(toEnterpriseRow(input));
  });

  (document.links ?? []).forEach((raw, index) => {
    const label = describe(labels.link(index), raw);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ path: label, message: 'must be an object with the link fields' });
      return;
    }
    const input = Object.assign(new SupplyLinkInput(), raw);
    const rowProblems = messages(validateSync(input, VALIDATION));
    const earlier = linkRows.get(input.id);
    if (typeof input.id === 'string' && earlier !== undefined)
      rowProblems.push(`duplicate id "${input.id}", also at ${earlier}`);
    const enterprise = enterpriseRows.get(input.id);
    if (enterprise !== undefined)
      rowProblems.push(`id "${input.id}" is the id of the enterprise at ${enterprise}: ids are unique across types`);
    for (const message of rowProblems) problems.push({ path: label, message });
    if (rowProblems.length > 0) return;
    linkRows.set(input.id, labels.link(index));
    for (const end of [input.from, input.to]) {
      if (enterpriseRows.has(end)) continue;
      const rows = externalReferences.get(end);
      if (rows) rows.push(label);
      else externalReferences.set(end, [label]);
    }
    links.push(toSupplyLinkRow(input));
  });

  return { graph: { enterprises, links, externalReferences, enterpriseRows, linkRows }, problems };
}
