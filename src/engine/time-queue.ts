/**
 * Binary min-heap of (day, entity, detail) entries for the time-to-stall
 * propagation of §5. Days never decrease along the propagation (inventory
 * days are non-negative), so popping in day order settles each entity once,
 * as in Dijkstra's algorithm. Storage is typed and reused across evaluations.
 */
export class TimeQueue {
  private days = new Float64Array(64);
  private entities = new Int32Array(64);
  private details = new Int32Array(64);
  private length = 0;

  get size(): number {
    return this.length;
  }

  clear(): void {
    this.length = 0;
  }

  push(day: number, entity: number, detail: number): void {
    if (this.length === this.days.length) this.grow();
    let i = this.length++;
    const days = this.days;
    const entities = this.entities;
    const details = this.details;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (days[parent] <= day) break;
      days[i] = days[parent];
      entities[i] = entities[parent];
      details[i] = details[parent];
      i = parent;
    }
    days[i] = day;
    entities[i] = entity;
    details[i] = detail;
  }

  /** Day of the smallest entry; read before pop. */
  peekDay(): number {
    return this.days[0];
  }

  peekEntity(): number {
    return this.entities[0];
  }

  peekDetail(): number {
    return this.details[0];
  }

  /** Removes the smallest entry (read it with the peek methods first). */
  pop(): void {
    const last = --this.length;
    if (last === 0) return;
    const days = this.days;
    const entities = this.entities;
    const details = this.details;
    const day = days[last];
    const entity = entities[last];
    const detail = details[last];
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && days[right] < days[left] ? right : left;
      if (days[child] >= day) break;
      days[i] = days[child];
      entities[i] = entities[child];
      details[i] = details[child];
      i = child;
    }
    days[i] = day;
    entities[i] = entity;
    details[i] = detail;
  }

  private grow(): void {
    const capacity = this.days.length * 2;
    const days = new Float64Array(capacity);
    days.set(this.days);
    const entities = new Int32Array(capacity);
    entities.set(this.entities);
    const details = new Int32Array(capacity);
    details.set(this.details);
    this.days = days;
    this.entities = entities;
    this.details = details;
  }
}
