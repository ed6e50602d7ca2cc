import { createWriteStream } from 'node:fs';
import type { SupplyGraphCounts, SupplyGraphSource } from './supply-graph-source';
import { endStream, writeLines } from './write-lines';

/**
 * Writes a graph as one import JSON document (README §7), one record per
 * line, streamed: the document is never built as a single string, so
 * millions of records fit in a small heap.
 */
export async function writeSupplyGraphJson(source: SupplyGraphSource, file: string): Promise<SupplyGraphCounts> {
  const counts: SupplyGraphCounts = { enterprises: 0, links: 0 };
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const write = async (): Promise<void> => {
    await writeLines(stream, ['{"enterprises":[\n']);
    await writeLines(
      stream,
      records(source.enterprises(), () => counts.enterprises++),
    );
    await writeLines(stream, ['\n],\n"links":[\n']);
    await writeLines(
      stream,
      records(source.links(), () => counts.links++),
    );
    await writeLines(stream, ['\n]}\n']);
    await endStream(stream);
  };
  await Promise.race([write(), failed]);
  return counts;
}

function* records<T>(items: Iterable<T>, onRecord: () => void): Generator<string> {
  let first = true;
  for (const item of items) {
    onRecord();
    yield first ? JSON.stringify(item) : `,\n${JSON.stringify(item)}`;
    first = false;
  }
}
