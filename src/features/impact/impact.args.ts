import { IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import { EnterpriseFilter } from '../enterprise/enterprise.args';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';
import { LinkFilterInput } from '../supply-link/link-filter.input';
import { SupplyLinkFilter } from '../supply-link/supply-link.args';
import { CriticalMeasure } from './critical-measure.enum';
import { IsDuration } from './duration.validator';
import { MAX_ALTERNATIVES, MAX_DRAWN_NODES, MAX_ROUTE_HOPS, MAX_TOP } from './impact-limits';
import { ScenarioInput } from './scenario.input';

@ArgsType()
export class ResumptionPlanArgs {
  @Field(() => Int, { description: 'How many steps to return, best first.', defaultValue: 10 })
  @Min(1, { message: 'top must be at least 1' })
  @Max(MAX_TOP, { message: `top must be at most ${MAX_TOP}` })
  top!: number;

  @Field(() => Boolean, {
    defaultValue: true,
    description:
      'Run every enterprise at its capacityRecovery (a restarted one at full capacity); false: everything at full ' +
      'capacity. The blocks to lift always come from the current state.',
  })
  includeCurrentState!: boolean;
}

@ArgsType()
class RankingArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many to return, 1 to ${MAX_TOP}.` })
  @Min(1, { message: 'top must be at least 1' })
  @Max(MAX_TOP, { message: `top must be at most ${MAX_TOP}` })
  top!: number;

  @Field(() => CriticalMeasure, { description: 'What to rank by.', defaultValue: CriticalMeasure.STALLED_COUNT })
  measure!: CriticalMeasure;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Rank against the real current state instead of everything running.',
  })
  includeCurrentState!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'How long each block lasts, in days, more than 0: only what stalls within it counts. Unbounded when omitted.',
  })
  @IsDuration()
  durationDays?: number | null;
}

@ArgsType()
export class CriticalLinksArgs extends RankingArgs {
  @Field(() => SupplyLinkFilter, { nullable: true, description: 'Only rank these links.' })
  @IsOptional()
  @ValidateNested()
  filter?: SupplyLinkFilter | null;

  @Field(() => LinkFilterInput, {
    nullable: true,
    description: 'Only rank the links this filter matches (by mode, product, regions); combines with filter.',
  })
  @IsOptional()
  @ValidateNested()
  where?: LinkFilterInput | null;
}

@ArgsType()
export class CriticalEnterprisesArgs extends RankingArgs {
  @Field(() => EnterpriseFilter, { nullable: true, description: 'Only rank these enterprises.' })
  @IsOptional()
  @ValidateNested()
  filter?: EnterpriseFilter | null;
}

@ArgsType()
export class AlternativeSuppliersArgs {
  @Field(() => ID, { description: 'The enterprise that needs the product.' })
  @MaxLength(ID_MAX_LENGTH, { message: `id ${ID_LENGTH_RULE}` })
  id!: string;

  @Field(() => String, { description: 'The product it needs.' })
  @MaxLength(200, { message: 'product must be at most 200 characters' })
  product!: string;

  @Field(() => ScenarioInput, {
    nullable: true,
    description: 'The situation to look in; everything running when omitted.',
  })
  @IsOptional()
  @ValidateNested()
  scenario?: ScenarioInput | null;

  @Field(() => Int, { defaultValue: 10, description: `How many to return, 1 to ${MAX_ALTERNATIVES}.` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_ALTERNATIVES, { message: `first must be at most ${MAX_ALTERNATIVES}` })
  first!: number;
}

@ArgsType()
export class AlternativeRoutesArgs {
  @Field(() => ID, { description: 'The supplier.' })
  @MaxLength(ID_MAX_LENGTH, { message: `fromId ${ID_LENGTH_RULE}` })
  fromId!: string;

  @Field(() => ID, { description: 'The customer.' })
  @MaxLength(ID_MAX_LENGTH, { message: `toId ${ID_LENGTH_RULE}` })
  toId!: string;

  @Field(() => String, { description: 'The product to route.' })
  @MaxLength(200, { message: 'product must be at most 200 characters' })
  product!: string;

  @Field(() => ScenarioInput, {
    description: 'The situation to look in; everything running when omitted.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  scenario?: ScenarioInput | null;

  @Field(() => Int, { defaultValue: 4, description: `Longest route in links, 1 to ${MAX_ROUTE_HOPS}.` })
  @Min(1, { message: 'maxHops must be at least 1' })
  @Max(MAX_ROUTE_HOPS, { message: `maxHops must be at most ${MAX_ROUTE_HOPS}` })
  maxHops!: number;

  @Field(() => Int, { defaultValue: 10, description: `How many to return, 1 to ${MAX_ALTERNATIVES}.` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_ALTERNATIVES, { message: `first must be at most ${MAX_ALTERNATIVES}` })
  first!: number;
}

@ArgsType()
export class ImpactGraphArgs {
  @Field(() => Int, {
    description: 'Cap on drawn enterprises; truncated says when it cut the drawing.',
    defaultValue: 300,
  })
  @Min(1, { message: `maxNodes must be from 1 to ${MAX_DRAWN_NODES}` })
  @Max(MAX_DRAWN_NODES, { message: `maxNodes must be from 1 to ${MAX_DRAWN_NODES}` })
  maxNodes!: number;
}
