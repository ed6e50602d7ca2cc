import { Field, InputType } from 'type-graphql';
import { OrderDirection } from '../../platform/graphql/pagination/order-direction.enum';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

const FIELDS = {
  ID: 'By id.',
  NAME: 'By name.',
  DAILY_OUTPUT_VALUE: 'By dailyOutputValue (CNY per day); enterprises without one come before 0.',
} as const;

export type EnterpriseOrderField = keyof typeof FIELDS;
export const EnterpriseOrderField = registerValuesEnum(Object.keys(FIELDS) as EnterpriseOrderField[], {
  name: 'EnterpriseOrderField',
  description: 'What an enterprise listing is sorted by.',
  valueDescriptions: FIELDS,
});

@InputType({ description: 'The order of an enterprise listing: a field, then id to break ties.' })
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField, { defaultValue: 'ID', description: 'What to sort by.' })
  field!: EnterpriseOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Which way.' })
  direction!: OrderDirection;
}
