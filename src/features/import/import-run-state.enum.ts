import { registerEnumType } from 'type-graphql';
import { ImportRunState } from './import-run.record';

registerEnumType(ImportRunState, {
  name: 'ImportRunState',
  description: 'How far an import run has come.',
  valuesConfig: {
    STAGING: { description: 'Writing its new rows in batches, out of sight of every reader.' },
    PUBLISHED: { description: 'Made visible in one transaction: the import is in the graph.' },
    FAILED: { description: 'Stopped; what it staged is discarded and the graph is as it was.' },
  },
});

export { ImportRunState };
