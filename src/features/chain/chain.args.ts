import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ChainLinks } from './chain-links.enum';
import { ChainDirection } from './chain.type';

export const MAX_CHAIN_DEPTH = 10;
export const MAX_CHAIN_NODES = 5_000;
export const MAX_PATH_DEPTH = 12;
export const MAX_PATHS = 100;

@ArgsType()
export class ChainArgs {
  @Field(() => ID)
  @MaxLength(ID_MAX_LENGTH, { message: `id ${ID_LENGTH_RULE}` })
  id!: string;

  @Field(() => ChainDirection, { defaultValue: ChainDirection.DOWNSTREAM })
  direction!: ChainDirection;

  @Field(() => Int, { defaultValue: 3, description: `Hops to walk, 1 to ${MAX_CHAIN_DEPTH}.` })
  @Min(1, { message: 'maxDepth must be at least 1' })
  @Max(MAX_CHAIN_DEPTH, { message: `maxDepth must be at most ${MAX_CHAIN_DEPTH}` })
  maxDepth!: number;

  @Field(() => [String], { nullable: true, description: 'Follow only links of these products.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true, message: 'products must be at most 200 characters each' })
  products?: string[] | null;

  @Field(() => Int, {
    defaultValue: 500,
    description: `Cap on nodes, 1 to ${MAX_CHAIN_NODES}; truncated says when it cut the chain.`,
  })
  @Min(1, { message: 'maxNodes must be at least 1' })
  @Max(MAX_CHAIN_NODES, { message: `maxNodes must be at most ${MAX_CHAIN_NODES}` })
  maxNodes!: number;

  @Field(() => ChainLinks, {
    defaultValue: ChainLinks.ALL,
    description: 'ALL: every link among the returned enterprises; WALKED: only the links the walk followed.',
  })
  links!: ChainLinks;
}

@ArgsType()
export class PathsArgs {
  @Field(() => ID)
  @MaxLength(ID_MAX_LENGTH, { message: `fromId ${ID_LENGTH_RULE}` })
  fromId!: string;

  @Field(() => ID)
  @MaxLength(ID_MAX_LENGTH, { message: `toId ${ID_LENGTH_RULE}` })
  toId!: string;

  @Field(() => Int, { defaultValue: 6, description: `Longest path to consider, 1 to ${MAX_PATH_DEPTH}.` })
  @Min(1, { message: 'maxDepth must be at least 1' })
  @Max(MAX_PATH_DEPTH, { message: `maxDepth must be at most ${MAX_PATH_DEPTH}` })
  maxDepth!: number;

  @Field(() => Int, { defaultValue: 20, description: `Most paths to return, 1 to ${MAX_PATHS}.` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PATHS, { message: `first must be at most ${MAX_PATHS}` })
  first!: number;
}
