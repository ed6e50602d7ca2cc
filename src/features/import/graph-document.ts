/** The import format: one JSON document, or the rows of enterprises.csv and links.csv. */
export interface GraphDocument {
  enterprises?: unknown[] | null;
  links?: unknown[] | null;
}

/** Names a row in problem reports: `enterprises[3]` for JSON, `enterprises.csv line 5` for CSV. */
export interface RowLabels {
  enterprise(index: number): string;
  link(index: number): string;
}

export const JSON_ROW_LABELS: RowLabels = {
  enterprise: (index) => `enterprises[${index}]`,
  link: (index) => `links[${index}]`,
};
