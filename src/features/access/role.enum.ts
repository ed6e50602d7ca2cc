import { registerEnumType } from 'type-graphql';
import { Role } from '../../platform/auth/role';

registerEnumType(Role, {
  name: 'Role',
  description:
    'What a principal may do, each role including those before it: VIEWER reads; ANALYST also runs what-ifs and ' +
    'keeps saved scenarios of its own; EDITOR also changes statuses and entities; ADMIN also imports, deletes and ' +
    'manages API tokens.',
  valuesConfig: {
    VIEWER: { description: 'Reads the graph.' },
    ANALYST: { description: 'Also runs what-ifs and keeps saved scenarios of its own.' },
    EDITOR: { description: 'Also changes statuses and entities, and sees every saved scenario.' },
    ADMIN: { description: 'Also imports, deletes and manages API tokens.' },
  },
});

export { Role };
