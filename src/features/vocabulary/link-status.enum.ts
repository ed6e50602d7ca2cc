import { LINK_STATUSES, type LinkStatus as Status } from '../../engine';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** The current real state of a supply link: the engine's list, as a GraphQL enum. */
export type LinkStatus = Status;
export const LinkStatus = registerValuesEnum(LINK_STATUSES, {
  name: 'LinkStatus',
  description: 'Current real state of a supply link.',
  valueDescriptions: { OPEN: 'Goods flow.', BLOCKED: 'Nothing flows, e.g. a checkpoint closed the road.' },
});
