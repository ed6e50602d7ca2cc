import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import type { InputProblem } from '../../platform/graphql/user-errors';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';
import { GraphRowChecker } from './graph-row-checker';
import type { GraphRowSource } from './read-graph-source';

/** A document that passed every check that needs no database. */
export interface ValidatedGraph {
  enterprises: EnterpriseRow[];
  links: SupplyLinkRow[];
  /** Enterprise ids links refer to that the document itself does not define. */
  externalReferences: Map<string, string[]>;
  /** Row index of each enterprise id and of each link id, to name a row a later check refuses. */
  enterpriseRows: Map<string, number>;
  linkRows: Map<string, number>;
  labels: RowLabels;
}

/** The rows that passed the checks that need no database, and the problems of those that did not. */
export interface CheckedGraph {
  graph: ValidatedGraph;
  problems: InputProblem[];
}

/**
 * Checks a whole import document and lists every problem by row: field rules
 * (the same class-validator rules as the GraphQL inputs, so the same
 * messages), duplicate ids (within a type and across types) and links between
 * missing enterprises. Nothing is written unless it passes.
 */
export function validateGraphDocument(document: GraphDocument, labels: RowLabels = JSON_ROW_LABELS): CheckedGraph {
  const rows = new ValidRows(labels);
  (document.enterprises ?? []).forEach(rows.enterprise);
  (document.links ?? []).forEach(rows.link);
  return rows.result();
}

/**
 * A document checked as far as it has been read: its enterprise rows, while its links are still
 * being read and checked. An import stages the enterprises meanwhile when nothing so far has a problem.
 */
export interface PartlyCheckedGraph {
  /** The enterprise rows that passed. */
  enterprises: EnterpriseRow[];
  /** No row checked so far has a problem. */
  clean: boolean;
  /** The links are read and checked too (a whole document): `whole` has the whole check. */
  linksRead: boolean;
  /** The whole document checked, once its links are read too (a read error rejects it). */
  whole: Promise<CheckedGraph>;
}

/** A whole checked document as a partly checked one, for the one import path. */
export function checkedSoFar(checked: CheckedGraph): PartlyCheckedGraph {
  return {
    enterprises: checked.graph.enterprises,
    clean: checked.problems.length === 0,
    linksRead: true,
    whole: Promise.resolve(checked),
  };
}

/**
 * The same checks over rows handed over as they are read (a CSV folder streamed). Resolves once
 * the enterprise rows are read, so an import can stage them while the links are read and checked.
 */
export async function validateGraphRows(source: GraphRowSource): Promise<PartlyCheckedGraph> {
  const rows = new ValidRows(source.labels);
  await source.eachEnterprise(rows.enterprise);
  const clean = rows.clean();
  const enterprises = rows.enterpriseRows();
  const whole = source.eachLink(rows.link).then(() => rows.result());
  // Handled where it is awaited; a command whose graph fails to open never awaits it.
  whole.catch(() => undefined);
  return { enterprises, clean, linksRead: false, whole };
}

/** The rows that pass, gathered one at a time; the checker keeps the problems. */
class ValidRows {
  private readonly checker: GraphRowChecker;
  private readonly enterprises: EnterpriseRow[] = [];
  private readonly links: SupplyLinkRow[] = [];

  constructor(private readonly labels: RowLabels) {
    this.checker = new GraphRowChecker(labels);
  }

  readonly enterprise = (raw: unknown, index: number): void => {
    const row = this.checker.enterprise(raw, index);
    if (row) this.enterprises.push(row);
  };

  readonly link = (raw: unknown, index: number): void => {
    const row = this.checker.link(raw, index);
    if (row) this.links.push(row);
  };

  clean(): boolean {
    return this.checker.problems.length === 0;
  }

  enterpriseRows(): EnterpriseRow[] {
    return this.enterprises;
  }

  result(): CheckedGraph {
    const { enterprises, links, labels } = this;
    const { externalReferences, enterpriseRows, linkRows, problems } = this.checker;
    return { graph: { enterprises, links, externalReferences, enterpriseRows, linkRows, labels }, problems };
  }
}
