CREATE INDEX `crm_deals_modified_idx` ON `crm_deals` (`modified`);--> statement-breakpoint
CREATE INDEX `crm_deals_team_status_modified_idx` ON `crm_deals` (`team`,`status`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_deals_owner_modified_idx` ON `crm_deals` (`deal_owner`,`modified`,`team`);--> statement-breakpoint
CREATE INDEX `crm_deals_status_changed_idx` ON `crm_deals` (`status`,`stage_changed_on`);--> statement-breakpoint
CREATE INDEX `crm_leads_owner_modified_idx` ON `crm_leads` (`lead_owner`,`modified`,`team`);--> statement-breakpoint
CREATE INDEX `crm_leads_team_creation_idx` ON `crm_leads` (`team`,`creation`);