import type { Scenario } from '../../engine';
import { toLinkFilter } from '../supply-link/link-filter.input';
import type { ScenarioInput } from './scenario.input';

/** The GraphQL input as the engine's plain scenario. */
export function toScenario(input: ScenarioInput | null | undefined): Required<Scenario> {
  return {
    blockLinks: input?.blockLinks ?? [],
    blockEnterprises: input?.blockEnterprises ?? [],
    blockRegions: input?.blockRegions ?? [],
    blockModes: input?.blockModes ?? [],
    blockLinksWhere: (input?.blockLinksWhere ?? []).map(toLinkFilter),
    includeCurrentState: input?.includeCurrentState ?? false,
    durationDays: input?.durationDays ?? null,
  };
}
