import { registerEnumType } from 'type-graphql';

/** How goods move along a supply link. */
export enum TransportMode {
  ROAD = 'ROAD',
  RAIL = 'RAIL',
  WATER = 'WATER',
  AIR = 'AIR',
  PIPELINE = 'PIPELINE',
  LOCAL = 'LOCAL',
}

registerEnumType(TransportMode, { name: 'TransportMode', description: 'How goods move along a supply link.' });
