import { describe, expect, it } from 'vitest';
import { validateGraphDocument } from '../../src/features/import/validate-graph-document';

const dyeing = {
  id: 'kq-dye-alice',
  name: 'Zhejiang Alice Dyeing and Finishing',
  kind: 'PRINTING_DYEING',
  region: 'Shaoxing/Keqiao',
};
const fiber = { id: 'kq-fiber-hengming', name: 'Hengming Fibre', kind: 'FIBER', region: 'Shaoxing/Keqiao' };
const yarn = {
  id: 'l-1',
  from: 'kq-fiber-hengming',
  to: 'kq-dye-alice',
  product: 'polyester yarn',
  mode: 'ROAD',
  volume: 40,
};

describe('validateGraphDocument', () => {
  it('accepts the example of the import format and fills the defaults', () => {
    const { graph, problems } = validateGraphDocument({
      enterprises: [{ ...dyeing, status: 'PARTIAL', capacityRecovery: 0.8 }, fiber],
      links: [yarn],
    });
    expect(problems).toEqual([]);
    expect(graph.enterprises[0]).toMatchObject({
      id: 'kq-dye-alice',
      status: 'PARTIAL',
      capacityRecovery: 0.8,
      park: null,
    });
    expect(graph.enterprises[1]).toMatchObject({ status: 'OPERATING', capacityRecovery: 1 });
    expect(graph.links[0]).toEqual({
      id: 'l-1',
      from: 'kq-fiber-hengming',
      to: 'kq-dye-alice',
      props: expect.objectContaining({
        id: 'l-1',
        product: 'polyester yarn',
        mode: 'ROAD',
        volume: 40,
        status: 'OPEN',
        inventoryDays: null,
      }),
    });
    expect(graph.externalReferences.size).toBe(0);
  });

  it('lists every problem by row: unknown kind, capacity outside 0..1, duplicate id, unknown field, self-link', () => {
    const { problems } = validateGraphDocument({
      enterprises: [
        { ...dyeing, kind: 'DYEHOUSE' },
        { ...fiber, capacityRecovery: 1.2 },
        { ...fiber },
        { ...fiber, id: 'kq-x', capcityRecovery: 1 },
        'not a row',
      ],
      links: [{ ...yarn, to: 'kq-fiber-hengming' }],
    });
    expect(problems).toEqual([
      { path: 'enterprises[0] (kq-dye-alice)', message: expect.stringMatching(/^kind must be one of RAW_MATERIAL, /) },
      { path: 'enterprises[1] (kq-fiber-hengming)', message: 'capacityRecovery must be from 0 to 1' },
      { path: 'enterprises[3] (kq-x)', message: 'unknown field "capcityRecovery"' },
      { path: 'enterprises[4]', message: 'must be an object with the enterprise fields' },
      { path: 'links[0] (l-1)', message: 'from and to must be different enterprises' },
    ]);
  });

  it('reports a duplicate id with the row it repeats', () => {
    const { problems } = validateGraphDocument({ enterprises: [fiber, fiber], links: [yarn, yarn] });
    expect(problems).toEqual([
      {
        path: 'enterprises[1] (kq-fiber-hengming)',
        message: 'duplicate id "kq-fiber-hengming", also at enterprises[0]',
      },
      { path: 'links[1] (l-1)', message: 'duplicate id "l-1", also at links[0]' },
    ]);
  });

  it('requires capacityRecovery for a PARTIAL enterprise', () => {
    const { problems } = validateGraphDocument({ enterprises: [{ ...dyeing, status: 'PARTIAL' }] });
    expect(problems).toEqual([
      { path: 'enterprises[0] (kq-dye-alice)', message: 'capacityRecovery is required when status is PARTIAL' },
    ]);
  });

  it('collects the enterprises links name that the document does not define, for the graph to answer', () => {
    const { graph, problems } = validateGraphDocument({ links: [yarn] });
    expect(problems).toEqual([]);
    expect([...graph.externalReferences]).toEqual([
      ['kq-fiber-hengming', ['links[0] (l-1)']],
      ['kq-dye-alice', ['links[0] (l-1)']],
    ]);
  });
});
