import type { Services } from './create-services';
import { createLoaders, type Loaders } from './create-loaders';

/** What every resolver gets: the shared services and this request's own loaders. */
export interface RequestContext {
  services: Services;
  loaders: Loaders;
}

export function createRequestContext(services: Services): RequestContext {
  return { services, loaders: createLoaders(services) };
}
