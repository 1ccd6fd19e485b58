/** The record a composer or timeline belongs to. */
export interface CrmRecordRef {
  doctype: "CRM Lead" | "CRM Deal";
  name: string;
}
