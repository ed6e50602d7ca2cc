import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import type { InputProblem } from '../../platform/graphql/user-errors';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';
import { GraphRowChecker } from './graph-row-checker';

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

/**
 * Checks a whole import document and lists every problem by row: field rules
 * (the same class-validator rules as the GraphQL inputs, so the same
 * messages), duplicate ids (within a type and across types) and links between
 * missing enterprises. Nothing is written unless it passes.
 */
export function validateGraphDocument(
  document: GraphDocument,
  labels: RowLabels = JSON_ROW_LABELS,
): { graph: ValidatedGraph; problems: InputProblem[] } {
  const checker = new GraphRowChecker(labels);
  const enterprises: EnterpriseRow[] = [];
  const links: SupplyLinkRow[] = [];
  (document.enterprises ?? []).forEach((raw, index) => {
    const row = checker.enterprise(raw, index);
    if (row) enterprises.push(row);
  });
  (document.links ?? []).forEach((raw, index) => {
    const row = checker.link(raw, index);
    if (row) links.push(row);
  });
  const { externalReferences, enterpriseRows, linkRows, problems } = checker;
  return { graph: { enterprises, links, externalReferences, enterpriseRows, linkRows, labels }, problems };
}
