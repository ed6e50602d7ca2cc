import { ConnectionType } from '../../platform/graphql/pagination/connection.type';
import { SupplyLink } from './supply-link.type';

export const SupplyLinkConnection = ConnectionType('SupplyLink', SupplyLink, 'supply link');
