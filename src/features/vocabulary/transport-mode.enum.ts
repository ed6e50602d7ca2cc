import { TRANSPORT_MODES, type TransportMode as Mode } from '../../engine';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** How goods move along a supply link: the engine's list, as a GraphQL enum. */
export type TransportMode = Mode;
export const TransportMode = registerValuesEnum(TRANSPORT_MODES, {
  name: 'TransportMode',
  description: 'How goods move along a supply link.',
  valueDescriptions: {
    ROAD: 'By truck.',
    RAIL: 'By train.',
    WATER: 'By river or sea.',
    AIR: 'By air freight.',
    PIPELINE: 'Through a pipeline.',
    LOCAL: 'Within a park or cluster, no long-distance transport.',
  },
});
