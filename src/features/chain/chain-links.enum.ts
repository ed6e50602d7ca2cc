import { registerEnumType } from 'type-graphql';

/** Which links a chain returns among its enterprises. */
export enum ChainLinks {
  ALL = 'ALL',
  WALKED = 'WALKED',
}

registerEnumType(ChainLinks, {
  name: 'ChainLinks',
  description: 'Which links a chain returns among the enterprises it reached.',
  valuesConfig: {
    ALL: {
      description:
        'Every link between two returned enterprises (of the products asked for), also those the walk did not ' +
        'follow, e.g. between two enterprises of the last tier.',
    },
    WALKED: { description: 'Only the links the walk followed, from each tier to the next.' },
  },
});
