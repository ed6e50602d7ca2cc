import { registerValuesEnum } from '../register-values-enum';

const DIRECTIONS = {
  ASC: 'Smallest first (A to Z, 0 up).',
  DESC: 'Largest first (Z to A, down to 0).',
} as const;

export type OrderDirection = keyof typeof DIRECTIONS;
export const OrderDirection = registerValuesEnum(Object.keys(DIRECTIONS) as OrderDirection[], {
  name: 'OrderDirection',
  description: 'Which way a listing is sorted; ties are always broken by id in the same direction.',
  valueDescriptions: DIRECTIONS,
});
