/**
 * Who makes a request or a write: a principal's name, recorded with every
 * change to the graph and its status history. Until authentication names real
 * principals, GraphQL requests are `anonymous` and the commands say which
 * command they are (`cli:import`).
 */
export type Actor = string;

/** The actor of every GraphQL request while the service has no authentication. */
export const ANONYMOUS: Actor = 'anonymous';
