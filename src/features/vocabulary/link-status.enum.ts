import { registerEnumType } from 'type-graphql';

/** The current real state of a supply link. */
export enum LinkStatus {
  OPEN = 'OPEN',
  BLOCKED = 'BLOCKED',
}

registerEnumType(LinkStatus, { name: 'LinkStatus', description: 'Current real state of a supply link.' });
