import { badUserInput, type InputProblem } from '../../platform/graphql/user-errors';

/** The error for a rejected import: a summary line, then one line per problem. */
export function importRejected(problems: InputProblem[]): ReturnType<typeof badUserInput> {
  const shown = problems.slice(0, 50).map((p) => `${p.path}: ${p.message}`);
  const more = problems.length > shown.length ? [`... and ${problems.length - shown.length} more`] : [];
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return badUserInput(
    `Import rejected, nothing was changed. ${problems.length} ${noun}:\n${[...shown, ...more].join('\n')}`,
    problems,
  );
}
