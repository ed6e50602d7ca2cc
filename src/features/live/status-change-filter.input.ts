import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_FILTER_VALUES } from '../enterprise/enterprise.args';
import { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { StatusSubject } from './status-subject.enum';

@InputType({
  description:
    'Which status changes to hear about; every field is optional and they combine with AND. ' +
    'regions and kinds match an enterprise, or a link with such an enterprise at either end.',
})
export class StatusChangeFilter {
  @Field(() => [StatusSubject], { nullable: true, description: 'Only changes of enterprises, or of links.' })
  @IsOptional()
  @ArrayMaxSize(2)
  subjects?: StatusSubject[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only these enterprises and links, and the links from or to these enterprises.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `ids ${ID_LENGTH_RULE}` })
  ids?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only enterprises in these regions (exact names).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(200, { each: true, message: 'regions must be at most 200 characters' })
  regions?: string[] | null;

  @Field(() => [EnterpriseKind], { nullable: true, description: 'Only enterprises of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: EnterpriseKind[] | null;

  @Field(() => [EnterpriseStatus], {
    nullable: true,
    description: 'Enterprise changes only to these statuses (link changes pass unless linkStatuses says).',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  enterpriseStatuses?: EnterpriseStatus[] | null;

  @Field(() => [LinkStatus], {
    nullable: true,
    description: 'Link changes only to these statuses (enterprise changes pass unless enterpriseStatuses says).',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  linkStatuses?: LinkStatus[] | null;
}
