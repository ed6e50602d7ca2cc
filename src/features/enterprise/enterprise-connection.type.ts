import { ConnectionType } from '../../platform/graphql/pagination/connection.type';
import { Enterprise } from './enterprise.type';

export const EnterpriseConnection = ConnectionType('Enterprise', Enterprise, 'enterprise');
