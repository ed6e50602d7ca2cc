import { describe, expect, it } from 'vitest';
import { presentProperties } from '../../src/platform/neo4j/property-row';

describe('the properties a new node or relationship is sent with', () => {
  it('leaves out the null ones and keeps false, 0 and the empty string', () => {
    expect(presentProperties({ id: 'a', note: null, whitelisted: false, volume: 0, park: '', source: null })).toEqual({
      id: 'a',
      whitelisted: false,
      volume: 0,
      park: '',
    });
  });
});
