/**
 * The `count` best of the candidates that `keep` accepts, best first, by a
 * bounded heap whose root is the worst kept so far: O(candidates x log
 * count), for a first page out of hundreds of thousands. Ties that `before`
 * leaves open go to the smaller number.
 */
export function selectBest(
  candidates: ArrayLike<number>,
  count: number,
  before: (a: number, b: number) => boolean,
  keep: (candidate: number) => boolean = () => true,
): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => before(b, a);
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (!keep(c)) continue;
    if (heap.length === count) {
      if (!before(c, heap[0])) continue;
      heap[0] = c;
      siftDown(heap, 0, worse);
      continue;
    }
    heap.push(c);
    for (let at = heap.length - 1; at > 0;) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at], heap[parent])) break;
      [heap[at], heap[parent]] = [heap[parent], heap[at]];
      at = parent;
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : a - b));
}

function siftDown(heap: number[], at: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    const left = 2 * at + 1;
    if (left >= heap.length) return;
    const right = left + 1;
    const child = right < heap.length && worse(heap[right], heap[left]) ? right : left;
    if (!worse(heap[child], heap[at])) return;
    [heap[at], heap[child]] = [heap[child], heap[at]];
    at = child;
  }
}
