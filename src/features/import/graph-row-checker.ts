import { validateSync } from 'class-validator';
import type { InputProblem } from '../../platform/graphql/user-errors';
import { validationProblems } from '../../platform/graphql/validation-problems';
import { buildQuickValidityCheck } from '../../platform/validation/quick-validity-check';
import { EnterpriseInput } from '../enterprise/enterprise.input';
import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import { toEnterpriseRow } from '../enterprise/to-enterprise-row';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { SupplyLinkInput } from '../supply-link/supply-link.input';
import { toSupplyLinkRow } from '../supply-link/to-supply-link-row';
import type { RowLabels } from './graph-document';

/** How import rows are validated: as the GraphQL inputs, and no field the input does not have. */
export const ROW_VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** The class-validator rules of a row class: a quick yes for the rows that pass, class-validator's messages for the rest. */
class RowRules<T extends object> {
  private readonly quick;

  constructor(private readonly type: new () => T) {
    this.quick = buildQuickValidityCheck(type, ROW_VALIDATION);
  }

  problems(row: Record<string, unknown>): string[] {
    if (this.quick?.(row)) return [];
    const errors = validateSync(Object.assign(new this.type(), row), ROW_VALIDATION);
    return validationProblems(errors).map((problem) => problem.message);
  }
}

const enterpriseRules = new RowRules(EnterpriseInput);
const linkRules = new RowRules(SupplyLinkInput);

/**
 * The id as a string of its own: a cell cut from a chunk of the file read (a
 * V8 sliced string, from 13 characters) would keep the whole chunk alive for
 * as long as the id is kept.
 */
const ownString = (id: string): string => (id.length < 13 ? id : ` ${id}`.slice(1));

function describe(label: string, row: unknown): string {
  const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `${label} (${id})` : label;
}

function isRow(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/**
 * Checks import rows one at a time, enterprises before links, and lists every
 * problem by row: field rules (the class-validator rules of the GraphQL
 * inputs, so the same messages), duplicate ids (within a type and across
 * types) and link ends the rows before did not define. Keeps only ids and row
 * numbers, so a document of millions of rows can stream through it.
 */
export class GraphRowChecker {
  readonly problems: InputProblem[] = [];
  /** Row index of each enterprise id and of each link id, to name a row a later check refuses. */
  readonly enterpriseRows = new Map<string, number>();
  readonly linkRows = new Map<string, number>();
  /** Enterprise ids links refer to that the enterprise rows do not define, with the rows that name them. */
  readonly externalReferences = new Map<string, string[]>();

  constructor(readonly labels: RowLabels) {}

  /** The row to store, or null when the row has problems (listed in `problems`). */
  enterprise(raw: unknown, index: number): EnterpriseRow | null {
    const label = () => describe(this.labels.enterprise(index), raw);
    if (!isRow(raw)) {
      this.problems.push({ path: label(), message: 'must be an object with the enterprise fields' });
      return null;
    }
    const rowProblems = enterpriseRules.problems(raw);
    const { id } = raw;
    const earlier = typeof id === 'string' ? this.enterpriseRows.get(id) : undefined;
    if (earlier !== undefined)
      rowProblems.push(`duplicate id "${id as string}", also at ${this.labels.enterprise(earlier)}`);
    if (this.report(label, rowProblems)) return null;
    this.enterpriseRows.set(ownString(id as string), index);
    return toEnterpriseRow(raw as unknown as EnterpriseInput);
  }

  /** The link to store, or null when the row has problems (listed in `problems`). */
  link(raw: unknown, index: number): SupplyLinkRow | null {
    const label = () => describe(this.labels.link(index), raw);
    if (!isRow(raw)) {
      this.problems.push({ path: label(), message: 'must be an object with the link fields' });
      return null;
    }
    const rowProblems = linkRules.problems(raw);
    const { id, from, to } = raw;
    const earlier = typeof id === 'string' ? this.linkRows.get(id) : undefined;
    if (earlier !== undefined) rowProblems.push(`duplicate id "${id as string}", also at ${this.labels.link(earlier)}`);
    const enterprise = typeof id === 'string' ? this.enterpriseRows.get(id) : undefined;
    if (enterprise !== undefined) {
      rowProblems.push(
        `id "${id as string}" is the id of the enterprise at ${this.labels.enterprise(enterprise)}: ids are unique across types`,
      );
    }
    if (this.report(label, rowProblems)) return null;
    this.linkRows.set(ownString(id as string), index);
    for (const end of [from, to] as string[]) {
      if (this.enterpriseRows.has(end)) continue;
      const rows = this.externalReferences.get(end);
      if (rows) rows.push(label());
      else this.externalReferences.set(end, [label()]);
    }
    return toSupplyLinkRow(raw as unknown as SupplyLinkInput);
  }

  /** Whether the row had problems; they are listed under its label (made only then: most rows have none). */
  private report(label: () => string, rowProblems: string[]): boolean {
    if (rowProblems.length === 0) return false;
    const path = label();
    for (const message of rowProblems) this.problems.push({ path, message });
    return true;
  }
}
