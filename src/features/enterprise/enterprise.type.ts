import { Field, Float, ID, ObjectType } from 'type-graphql';
import { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import type { EnterpriseRecord } from './enterprise.record';

@ObjectType({ description: 'A plant, market, trade firm or logistics node of a supply chain.' })
export class Enterprise implements EnterpriseRecord {
  @Field(() => ID, { description: 'Stable external id, e.g. kq-dye-alice.' })
  id!: string;

  @Field(() => String, { description: 'Name in English or pinyin, e.g. China Textile City.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name in the local language and script, e.g. 中国轻纺城; the name search looks at it too.',
  })
  nameLocal!: string | null;

  @Field(() => EnterpriseKind)
  kind!: EnterpriseKind;

  @Field(() => String, { description: 'Province or city and district, e.g. Shaoxing/Keqiao.' })
  region!: string;

  @Field(() => String, { nullable: true, description: 'Industrial park or cluster.' })
  park!: string | null;

  @Field(() => Float, { nullable: true })
  lat!: number | null;

  @Field(() => Float, { nullable: true })
  lon!: number | null;

  @Field(() => EnterpriseStatus)
  status!: EnterpriseStatus;

  @Field(() => Float, { description: 'Share of normal output running now, 0..1.' })
  capacityRecovery!: number;

  @Field(() => Float, { nullable: true, description: 'Share of staff back at work, 0..1.' })
  workforceReturned!: number | null;

  @Field(() => Float, { nullable: true, description: 'Normal output per day, in `unit`.' })
  dailyCapacity!: number | null;

  @Field(() => String, { nullable: true, description: 'Unit of dailyCapacity: m, t, pcs, truckloads, ...' })
  unit!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'CNY value of one normal day of full output (for a market, trade firm or logistics node: of the goods ' +
      'it forwards in a normal day). What lost output is valued at.',
  })
  dailyOutputValue!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'On a government key-enterprise list.' })
  whitelisted!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where the figures come from, e.g. a report file.' })
  source!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
