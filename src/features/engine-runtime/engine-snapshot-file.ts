import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TransferableSupplyGraph } from '../../engine';

/** First bytes of every snapshot file, then the header's length (uint32 LE) and 4 spare bytes. */
const MAGIC = Buffer.from('LFSNAP01', 'latin1');
const PREFIX_BYTES = 16;
const ALIGN = 8;

/** The typed arrays a graph is made of, by constructor name (nothing else is ever built from a file). */
const ARRAY_KINDS: Record<string, { BYTES_PER_ELEMENT: number; new (buffer: SharedArrayBuffer): ArrayBufferView }> = {
  Uint8Array,
  Int32Array,
  Uint32Array,
  Float64Array,
};
type ArrayKind = 'Uint8Array' | 'Int32Array' | 'Uint32Array' | 'Float64Array';

/** Which graph a snapshot is of: the database (GraphMeta.graphId), its version, and the code that built it. */
export interface SnapshotIdentity {
  graphId: string;
  version: number;
}

interface Header extends SnapshotIdentity {
  code: string;
  savedAt: string;
  /** The graph with every typed array replaced by {$array: position in `arrays`} and non-finite numbers by {$number}. */
  tree: unknown;
  arrays: { kind: ArrayKind; offset: number; bytes: number }[];
}

/**
 * The engine's prepared graph kept on local disk, so a restarted service
 * evaluates within seconds instead of reading millions of rows from Neo4j
 * again. A snapshot is only a cache: it is taken when it is of the same
 * database (graphId), not newer than the database, and written by the same
 * code; the keeper then applies the changes recorded since its version
 * (or reads the whole graph when the record does not reach back that far).
 *
 * The file is the typed arrays' bytes behind a JSON header. Reading puts
 * them straight into shared memory, ready to post to the engine workers.
 * Writing goes to a temporary file renamed over the old one, so readers
 * never see half a file and instances sharing a disk never mix two.
 */
export class EngineSnapshotFile {
  constructor(
    readonly file: string,
    private readonly code: string = runningCodeFingerprint(),
  ) {}

  async save(identity: SnapshotIdentity, graph: TransferableSupplyGraph): Promise<void> {
    const arrays: ArrayBufferView[] = [];
    const entries: Header['arrays'] = [];
    const positions = new Map<ArrayBufferView, number>();
    let offset = 0;
    const tree = encode(graph, (view) => {
      let position = positions.get(view);
      if (position === undefined) {
        position = arrays.length;
        positions.set(view, position);
        arrays.push(view);
        entries.push({ kind: arrayKind(view), offset, bytes: view.byteLength });
        offset += align(view.byteLength);
      }
      return position;
    });
    const header: Header = { ...identity, code: this.code, savedAt: new Date().toISOString(), tree, arrays: entries };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.alloc(PREFIX_BYTES);
    MAGIC.copy(prefix);
    prefix.writeUInt32LE(json.length, MAGIC.length);
    const dataStart = align(PREFIX_BYTES + json.length);

    // The whole graph is in it: readable by the service's user only, like the rest of DATA_DIR.
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    const handle = await fs.promises.open(temporary, 'w', 0o600);
    try {
      await writeAll(handle, prefix, 0);
      await writeAll(handle, json, PREFIX_BYTES);
      for (let i = 0; i < arrays.length; i++) {
        const view = arrays[i];
        await writeAll(
          handle,
          new Uint8Array(view.buffer, view.byteOffset, view.byteLength),
          dataStart + entries[i].offset,
        );
      }
      // Padding after the last array too, so every array's place lies within the file.
      await handle.truncate(dataStart + offset);
      await handle.close();
      await fs.promises.rename(temporary, this.file);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await fs.promises.rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * The snapshot, when there is one of database `graphId` at a version no
   * newer than `maxVersion` written by this code; null when there is none
   * or it is of something else. A damaged file throws.
   */
  async load(graphId: string, maxVersion: number): Promise<{ version: number; graph: TransferableSupplyGraph } | null> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const size = (await handle.stat()).size;
      const prefix = Buffer.alloc(PREFIX_BYTES);
      await readAll(handle, prefix, 0);
      if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${this.file} is not an engine snapshot`);
      const json = Buffer.alloc(prefix.readUInt32LE(MAGIC.length));
      await readAll(handle, json, PREFIX_BYTES);
      const header = JSON.parse(json.toString('utf8')) as Header;
      if (header.graphId !== graphId || header.code !== this.code || header.version > maxVersion) return null;
      const dataStart = align(PREFIX_BYTES + json.length);
      const arrays = [];
      for (const entry of header.arrays) {
        const Kind = Object.hasOwn(ARRAY_KINDS, entry.kind) ? ARRAY_KINDS[entry.kind] : undefined;
        if (!Kind || entry.bytes % Kind.BYTES_PER_ELEMENT !== 0 || dataStart + entry.offset + entry.bytes > size) {
          throw new Error(`${this.file} is damaged (array ${arrays.length})`);
        }
        const buffer = new SharedArrayBuffer(entry.bytes);
        await readAll(handle, new Uint8Array(buffer), dataStart + entry.offset);
        arrays.push(new Kind(buffer));
      }
      return { version: header.version, graph: decode(header.tree, arrays) as TransferableSupplyGraph };
    } finally {
      await handle.close();
    }
  }
}

/**
 * A hash of the project code this thread runs (every loaded module outside
 * node_modules): a snapshot holds derived structures, so only the code that
 * derived them may read it back.
 */
export function runningCodeFingerprint(): string {
  const hashes = Object.keys(require.cache)
    .filter((file) => !file.split(path.sep).includes('node_modules'))
    .map((file) => {
      try {
        return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      } catch {
        return `unreadable:${path.basename(file)}`;
      }
    })
    .sort();
  return createHash('sha256').update(hashes.join('\n')).digest('hex');
}

function encode(value: unknown, array: (view: ArrayBufferView) => number): unknown {
  if (ArrayBuffer.isView(value)) return { $array: array(value) };
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => encode(item, array));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = encode(field, array);
    return out;
  }
  throw new TypeError(`an engine snapshot cannot hold a ${typeof value}`);
}

function decode(value: unknown, arrays: ArrayBufferView[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => decode(item, arrays));
  const record = value as Record<string, unknown>;
  if (typeof record.$array === 'number') return arrays[record.$array];
  if (typeof record.$number === 'string') return Number(record.$number);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) out[key] = decode(field, arrays);
  return out;
}

function arrayKind(view: ArrayBufferView): ArrayKind {
  const name = view.constructor.name;
  if (!Object.hasOwn(ARRAY_KINDS, name)) throw new TypeError(`an engine snapshot cannot hold a ${name}`);
  return name as ArrayKind;
}

function align(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

async function writeAll(handle: fs.promises.FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

async function readAll(handle: fs.promises.FileHandle, into: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < into.length;) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('an engine snapshot file ended early');
    done += bytesRead;
  }
}
