import { Field, InputType } from 'type-graphql';
import { EnterpriseInput } from '../enterprise/enterprise.input';
import { SupplyLinkInput } from '../supply-link/supply-link.input';

@InputType({ description: 'The import document: enterprises and links, upserted by id, all or nothing.' })
export class GraphImportInput {
  @Field(() => [EnterpriseInput], { description: 'Enterprises to create or update.', defaultValue: [] })
  enterprises!: EnterpriseInput[];

  @Field(() => [SupplyLinkInput], {
    description: 'Supply links to create or update; their ends are in the import or in the graph.',
    defaultValue: [],
  })
  links!: SupplyLinkInput[];
}
