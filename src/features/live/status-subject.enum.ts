import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** What a status belongs to. */
export type StatusSubject = 'ENTERPRISE' | 'LINK';
export const StatusSubject = registerValuesEnum<StatusSubject>(['ENTERPRISE', 'LINK'], {
  name: 'StatusSubject',
  description: 'What a status change is about.',
  valueDescriptions: { ENTERPRISE: 'An enterprise.', LINK: 'A supply link.' },
});
