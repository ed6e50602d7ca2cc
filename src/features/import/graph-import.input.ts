import { Field, InputType } from 'type-graphql';
import { EnterpriseInput } from '../enterprise/enterprise.input';
import { SupplyLinkInput } from '../supply-link/supply-link.input';

@InputType({ description: 'The import document: enterprises and links, upserted by id, all or nothing.' })
export class GraphImportInput {
  @Field(() => [EnterpriseInput], { defaultValue: [] })
  enterprises!: EnterpriseInput[];

  @Field(() => [SupplyLinkInput], { defaultValue: [] })
  links!: SupplyLinkInput[];
}
