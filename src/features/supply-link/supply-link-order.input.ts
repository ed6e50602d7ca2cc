import { Field, InputType } from 'type-graphql';
import { OrderDirection } from '../../platform/graphql/pagination/order-direction.enum';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

const FIELDS = {
  ID: 'By id.',
  PRODUCT: 'By product.',
  VOLUME: 'By volume per day (1 when unset).',
  INVENTORY_DAYS: 'By days of stock at the customer (0 when unset).',
} as const;

export type SupplyLinkOrderField = keyof typeof FIELDS;
export const SupplyLinkOrderField = registerValuesEnum(Object.keys(FIELDS) as SupplyLinkOrderField[], {
  name: 'SupplyLinkOrderField',
  description: 'What a supply link listing is sorted by.',
  valueDescriptions: FIELDS,
});

@InputType({ description: 'The order of a supply link listing: a field, then id to break ties.' })
export class SupplyLinkOrder {
  @Field(() => SupplyLinkOrderField, { defaultValue: 'ID', description: 'What to sort by.' })
  field!: SupplyLinkOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Which way.' })
  direction!: OrderDirection;
}
