'use strict';
/**
 * Preload (`node -r ./bench/thread-memory.js ...`) that lets a bench see where
 * the service's memory is, thread by thread. Worker threads inherit the
 * preload, so every thread (main, graph keeper, engine workers) answers on a
 * BroadcastChannel with its own V8 heap and array buffers; the main thread
 * gets `globalThis.threadMemory()`, which also sums /proc/self/smaps
 * (resident anonymous memory by mapping size, malloc's main heap, the node
 * binary). impact-bench.js records it after the first impact when present.
 * It removes itself from require.cache, so the engine snapshot file's code
 * fingerprint is the same with or without it.
 */
const fs = require('node:fs');
const v8 = require('node:v8');
const { isMainThread, threadId, workerData } = require('node:worker_threads');

delete require.cache[__filename];
const mb = (bytes) => Math.round(bytes / 2 ** 20);

function ownMemory() {
  const heap = v8.getHeapStatistics();
  return {
    thread: isMainThread ? 'main' : (workerData && workerData.role) || `worker ${threadId}`,
    heapMb: mb(heap.total_physical_size),
    heapUsedMb: mb(heap.used_heap_size),
    arrayBuffersMb: mb(process.memoryUsage().arrayBuffers),
  };
}

/** Resident memory by kind of mapping, from /proc/self/smaps (MiB). */
function residentByMapping() {
  const out = { anonymous: {}, mallocMainHeap: 0, nodeBinary: 0, otherFiles: 0 };
  let mapping = null;
  const add = (m) => {
    if (!m) return;
    if (m.name === '[heap]') out.mallocMainHeap += m.rss;
    else if (m.name === '') {
      const bucket =
        m.size >= 64 * 2 ** 20 ? '>=64M' : m.size >= 8 * 2 ** 20 ? '8M-64M' : m.size >= 2 ** 20 ? '1M-8M' : '<1M';
      out.anonymous[bucket] = (out.anonymous[bucket] || 0) + m.rss;
    } else if (m.name === process.execPath) out.nodeBinary += m.rss;
    else out.otherFiles += m.rss;
  };
  for (const line of fs.readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      add(mapping);
      mapping = { size: parseInt(head[2], 16) - parseInt(head[1], 16), name: head[3], rss: 0 };
    } else if (mapping && line.startsWith('Rss:')) mapping.rss = Number(/(\d+)/.exec(line)[1]) * 1024;
  }
  add(mapping);
  for (const key of Object.keys(out.anonymous)) out.anonymous[key] = mb(out.anonymous[key]);
  for (const key of ['mallocMainHeap', 'nodeBinary', 'otherFiles']) out[key] = mb(out[key]);
  return out;
}

const channel = new BroadcastChannel('linkfall-thread-memory');
channel.unref();
if (!isMainThread) {
  channel.onmessage = ({ data }) => {
    if (data.type === 'ask') channel.postMessage({ type: 'memory', id: data.id, memory: ownMemory() });
  };
} else {
  /** Every thread's memory (each answers within `waitMs`), and the process's resident memory by mapping. */
  globalThis.threadMemory = (waitMs = 1000) =>
    new Promise((resolve) => {
      const id = `${process.pid}-${Date.now()}-${Math.random()}`;
      const threads = [ownMemory()];
      const answers = new BroadcastChannel('linkfall-thread-memory');
      answers.onmessage = ({ data }) => {
        if (data.type === 'memory' && data.id === id) threads.push(data.memory);
      };
      answers.postMessage({ type: 'ask', id });
      setTimeout(() => {
        answers.close();
        resolve({ rssMb: mb(process.memoryUsage().rss), threads, resident: residentByMapping() });
      }, waitMs);
    });
}
