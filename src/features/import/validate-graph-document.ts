import { type ValidationError, validateSync } from 'class-validator';
import { EnterpriseInput } from '../enterprise/enterprise.input';
import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import type { InputProblem } from '../../platform/graphql/user-errors';
import { validationProblems } from '../../platform/graphql/validation-problems';
import { defaultCapacity } from '../enterprise/default-capacity';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { ENTERPRISE_FIELDS } from '../enterprise/enterprise.record';
import { LINK_FIELDS } from '../supply-link/supply-link.record';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { SupplyLinkInput } from '../supply-link/supply-link.input';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';

/** A document that passed every check that needs no database. */
export interface ValidatedGraph {
  enterprises: EnterpriseRow[];
  links: SupplyLinkRow[];
  /** Enterprise ids links refer to that the document itself does not define. */
  externalReferences: Map<string, string[]>;
}

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

function messages(errors: ValidationError[]): string[] {
  return validationProblems(errors).map((problem) => problem.message);
}

function describe(label: string, row: unknown): string {
  const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `${label} (${id})` : label;
}

/** Row of record fields with every field present: missing optional fields become null. */
function pick(source: object, fields: readonly string[]): Record<string, string | number | boolean | null> {
  const values = source as Record<string, string | number | boolean | null | undefined>;
  const row: Record<string, string | number | boolean | null> = {};
  for (const field of fields) row[field] = values[field] ?? null;
  return row;
}

/**
 * Checks a whole import document and lists every problem by row: field rules
 * (the same class-validator rules as the GraphQL inputs), duplicate ids and
 * links between missing enterprises. Nothing is written unless it passes.
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
    const status = input.status ?? EnterpriseStatus.OPERATING;
    const capacity = input.capacityRecovery ?? defaultCapacity(status);
    if (capacity === null && rowProblems.length === 0) rowProblems.push('capacityRecovery is required when status is PARTIAL');
    const earlier = enterpriseRows.get(input.id);
    if (typeof input.id === 'string' && earlier !== undefined) rowProblems.push(`duplicate id "${input.id}", also at ${earlier}`);
    for (const message of rowProblems) problems.push({ path: label, message });
    if (rowProblems.length > 0) return;
    enterpriseRows.set(input.id, labels.enterprise(index));
    enterprises.push({ ...pick(input, ENTERPRISE_FIELDS), status, capacityRecovery: capacity });
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
    if (typeof input.id === 'string' && earlier !== undefined) rowProblems.push(`duplicate id "${input.id}", also at ${earlier}`);
    if (input.from === input.to && typeof input.from === 'string') rowProblems.push('from and to must be different enterprises');
    for (const message of rowProblems) problems.push({ path: label, message });
    if (rowProblems.length > 0) return;
    linkRows.set(input.id, labels.link(index));
    for (const end of [input.from, input.to]) {
      if (enterpriseRows.has(end)) continue;
      const rows = externalReferences.get(end);
      if (rows) rows.push(label);
      else externalReferences.set(end, [label]);
    }
    const props = pick(input, LINK_FIELDS.filter((field) => field !== 'from' && field !== 'to'));
    links.push({ id: input.id, from: input.from, to: input.to, props: { ...props, status: input.status ?? LinkStatus.OPEN } });
  });

  return { graph: { enterprises, links, externalReferences }, problems };
}
