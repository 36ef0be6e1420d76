import { writeCsvFile } from '../files/csv-file.js';
import type { RowProblem } from './import-run.js';

/**
 * Translated words for the report, sent by the renderer in the user's language (the host has no
 * translations of its own): the two column titles, and texts by key: "field.<field>",
 * "message.<message key>", "kind.<problem kind>".
 */
export interface ReportLabels {
  line: string;
  reason: string;
  texts: Record<string, string>;
}

export function problemReason(problem: RowProblem, labels: ReportLabels): string {
  const text = (key: string, fallback: string) => labels.texts[key] ?? fallback;
  const kind = text(`kind.${problem.kind}`, problem.kind);
  const details = problem.issues.map((issue) =>
    issue.field === 'row'
      ? text(`message.${issue.message}`, issue.message)
      : `${text(`field.${issue.field}`, issue.field)}: ${text(`message.${issue.message}`, issue.message)}`,
  );
  if (problem.duplicateOf) details.push(problem.duplicateOf);
  return details.length > 0 ? `${kind}: ${details.join('; ')}` : kind;
}

/**
 * The rows that were not imported, as a CSV the user can fix and import again: their line in the
 * original file, the reason, then the row's original cells under the original headers.
 */
export async function writeErrorReport(path: string, headers: string[], problems: RowProblem[], labels: ReportLabels): Promise<void> {
  function* rows(): Generator<string[]> {
    yield [labels.line, labels.reason, ...headers];
    for (const problem of problems) yield [String(problem.line), problemReason(problem, labels), ...problem.cells];
  }
  await writeCsvFile(path, rows());
}
