import type { AccessContext } from '../features/access/api-token.resolver';
import type { ChainContext } from '../features/chain/chain.resolver';
import { createEnterpriseLoaders } from '../features/enterprise/enterprise.loaders';
import type { EnterpriseContext } from '../features/enterprise/enterprise.resolver';
import { createHistoryLoaders } from '../features/history/history.loaders';
import type { ImpactContext } from '../features/impact/impact.resolver';
import type { ImportContext } from '../features/import/import.resolver';
import type { LiveContext } from '../features/live/live.resolver';
import type { NodeContext } from '../features/node/node.resolver';
import type { RecoveryContext } from '../features/recovery/recovery.resolver';
import type { ScenarioContext } from '../features/scenario/scenario.resolver';
import type { SimulationContext } from '../features/simulation/simulation.resolver';
import type { EnterpriseLinksContext } from '../features/supply-link/enterprise-links.resolver';
import { createSupplyLinkLoaders } from '../features/supply-link/supply-link.loaders';
import type { SupplyLinkContext } from '../features/supply-link/supply-link.resolver';
import type { Principal } from '../platform/auth/principal';
import type { Services } from './create-services';

/**
 * The context of one GraphQL request: every resolver declares what it reads,
 * and this is all of them at once, so the compiler checks that the context
 * built below gives each resolver what it expects.
 */
export type RequestContext = EnterpriseContext &
  EnterpriseLinksContext &
  SupplyLinkContext &
  ChainContext &
  RecoveryContext &
  ImportContext &
  ImpactContext &
  ScenarioContext &
  SimulationContext &
  AccessContext &
  NodeContext &
  LiveContext;

/** A fresh context per request: who asks, the shared services and this request's own DataLoaders. */
export function createRequestContext(services: Services, principal: Principal): RequestContext {
  return {
    principal,
    actor: principal.actor,
    services,
    loaders: {
      ...createEnterpriseLoaders(services.enterprises),
      ...createSupplyLinkLoaders(services.links),
      ...createHistoryLoaders(services.history),
    },
  };
}
