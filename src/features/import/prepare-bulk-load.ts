import type { BulkFiles } from '../../platform/neo4j/bulk-load';
import { GraphRowChecker } from './graph-row-checker';
import type { BulkLoadedIds } from './import.service';
import { importRejected } from './import-rejected';
import type { GraphRowSource } from './read-graph-source';
import { BulkFileWriter, type BulkRun } from './write-bulk-files';

/**
 * Checks a document for a load into an empty database while writing it as
 * neo4j-admin CSV into `dir`, row by row as it is read (enterprises first, so
 * every id a link names is known by then): the checks of importGraph, and
 * every enterprise a link names must be in the document itself. Any problem
 * refuses the whole document, every problem listed by row; the caller removes
 * `dir` then.
 */
export async function prepareBulkLoad(
  rows: GraphRowSource,
  run: BulkRun,
  dir: string,
): Promise<{ files: BulkFiles; loaded: BulkLoadedIds }> {
  const checker = new GraphRowChecker(rows.labels);
  const writer = new BulkFileWriter(dir, run);
  try {
    // Past the first problem nothing will be loaded: the rows are only checked.
    await rows.eachEnterprise((raw, index) => {
      const row = checker.enterprise(raw, index);
      if (row && checker.problems.length === 0) writer.enterprise(row);
    });
    await rows.eachLink((raw, index) => {
      const row = checker.link(raw, index);
      if (row && checker.problems.length === 0 && checker.externalReferences.size === 0) writer.link(row);
    });
  } catch (error) {
    writer.close();
    throw error;
  }
  const files = writer.close();
  const { problems } = checker;
  for (const [id, labels] of checker.externalReferences) {
    for (const path of labels)
      problems.push({ path, message: `refers to enterprise "${id}", which is not in the import` });
  }
  if (problems.length > 0) throw importRejected(problems);
  return {
    files,
    loaded: { enterpriseIds: [...checker.enterpriseRows.keys()], linkIds: [...checker.linkRows.keys()] },
  };
}
