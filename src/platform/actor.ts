/**
 * Who makes a request or a write: a principal's name, recorded with every
 * change to the graph and its status history: `token:<name>` for an API
 * token, `jwt:<sub>` for a JSON Web Token, `anonymous` for a request without
 * credentials, and the command's name for the commands (`cli:import`).
 */
export type Actor = string;

/** The actor of a GraphQL request that carries no credentials. */
export const ANONYMOUS: Actor = 'anonymous';
