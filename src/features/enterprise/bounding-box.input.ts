import { Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { NotAbove } from './not-above.validator';

/** A latitude/longitude box as the repository takes it. */
export interface BoundingBox {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

const latitude = (field: string) => [
  Min(-90, { message: `bbox.${field} must be a latitude from -90 to 90` }),
  Max(90, { message: `bbox.${field} must be a latitude from -90 to 90` }),
];
const longitude = (field: string) => [
  Min(-180, { message: `bbox.${field} must be a longitude from -180 to 180` }),
  Max(180, { message: `bbox.${field} must be a longitude from -180 to 180` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorate) => decorate(target, key));

@InputType({
  description:
    'A map area in degrees (WGS 84), edges included: enterprises with lat/lon inside it. ' +
    'min must not exceed max; a box across the 180th meridian is two boxes.',
})
export class BoundingBoxInput implements BoundingBox {
  @Field(() => Float, { description: 'Southern edge, -90 to 90.' })
  @apply(latitude('minLat'))
  @NotAbove('maxLat', { message: 'bbox.minLat must be at most bbox.maxLat' })
  minLat!: number;

  @Field(() => Float, { description: 'Western edge, -180 to 180.' })
  @apply(longitude('minLon'))
  @NotAbove('maxLon', { message: 'bbox.minLon must be at most bbox.maxLon' })
  minLon!: number;

  @Field(() => Float, { description: 'Northern edge, -90 to 90.' })
  @apply(latitude('maxLat'))
  maxLat!: number;

  @Field(() => Float, { description: 'Eastern edge, -180 to 180.' })
  @apply(longitude('maxLon'))
  maxLon!: number;
}
