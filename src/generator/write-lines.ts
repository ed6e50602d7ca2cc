import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Bytes (roughly, UTF-16 units) gathered before one write to the stream. */
const CHUNK_SIZE = 1 << 16;

/**
 * Writes lines to a stream in ~64 KB chunks and waits for `drain` whenever
 * the stream's buffer is full. Honouring backpressure keeps memory flat when
 * millions of rows are produced faster than the disk takes them; chunking
 * keeps the number of write calls (and awaits) low.
 */
export async function writeLines(stream: Writable, lines: Iterable<string>): Promise<void> {
  let buffer: string[] = [];
  let size = 0;
  for (const line of lines) {
    buffer.push(line);
    size += line.length;
    if (size >= CHUNK_SIZE) {
      const ok = stream.write(buffer.join(''));
      buffer = [];
      size = 0;
      if (!ok) await once(stream, 'drain');
    }
  }
  if (buffer.length > 0 && !stream.write(buffer.join(''))) await once(stream, 'drain');
}

/** Ends a stream and resolves once everything is flushed (rejects on a stream error). */
export async function endStream(stream: Writable): Promise<void> {
  const finished = once(stream, 'finish');
  stream.end();
  await finished;
}
