/** Display names of the access model's data categories (packages/db/src/access/model.ts). */
const categoryLabels: Record<string, string> = {
  client: "Client",
  medical: "Medical",
  program: "Program",
  hr: "HR",
  finance: "Finance",
  crm: "CRM",
  helpdesk: "Helpdesk",
  documents: "Documents",
  projects: "Projects",
  insights: "Insights",
  admin: "Admin",
};

export function categoryLabel(category: string): string {
  return categoryLabels[category] ?? category;
}
