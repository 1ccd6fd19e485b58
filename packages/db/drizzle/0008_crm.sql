CREATE TABLE `crm_call_logs` (
	`name` varchar(140) NOT NULL,
	`direction` enum('Incoming','Outgoing') NOT NULL,
	`from_number` varchar(40),
	`to_number` varchar(40),
	`reference_doctype` varchar(140),
	`reference_docname` varchar(140),
	`provider_id` varchar(140),
	`agent` varchar(140),
	`team` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	`status` enum('Initiated','Ringing','In Progress','Completed','Failed','Busy','No Answer','Canceled') NOT NULL DEFAULT 'Initiated',
	`duration` int,
	`recording_url` varchar(500),
	`note` text,
	CONSTRAINT `crm_call_logs_name` PRIMARY KEY(`name`),
	CONSTRAINT `crm_call_logs_provider_uq` UNIQUE(`provider_id`)
);
--> statement-breakpoint
CREATE TABLE `crm_deal_statuses` (
	`name` varchar(140) NOT NULL,
	`position` int NOT NULL DEFAULT 0,
	`probability` int NOT NULL DEFAULT 0,
	`stage_type` enum('Open','Won','Lost') NOT NULL DEFAULT 'Open',
	`requires_lost_reason` boolean NOT NULL DEFAULT false,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_deal_statuses_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `crm_deals` (
	`name` varchar(140) NOT NULL,
	`organization` varchar(140),
	`contact` varchar(140),
	`lead` varchar(140),
	`status` varchar(140) NOT NULL,
	`probability` int NOT NULL DEFAULT 0,
	`amount` decimal(18,2),
	`currency` varchar(3),
	`expected_close_date` date,
	`lost_reason` text,
	`deal_owner` varchar(140),
	`team` varchar(140),
	`client` varchar(140),
	`stage_changed_on` datetime(6),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_deals_name` PRIMARY KEY(`name`),
	CONSTRAINT `crm_deals_client_uq` UNIQUE(`client`)
);
--> statement-breakpoint
CREATE TABLE `crm_lead_sources` (
	`name` varchar(140) NOT NULL,
	`source_name` varchar(140) NOT NULL,
	`details` text,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_lead_sources_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `crm_leads` (
	`name` varchar(140) NOT NULL,
	`first_name` varchar(140),
	`last_name` varchar(140),
	`lead_name` varchar(280) NOT NULL,
	`email` varchar(140),
	`mobile_no` varchar(40),
	`phone` varchar(40),
	`organization` varchar(140),
	`status` enum('New','Contacted','Nurture','Qualified','Unqualified','Junk') NOT NULL DEFAULT 'New',
	`source` varchar(140),
	`referral_organization` varchar(140),
	`lead_owner` varchar(140),
	`team` varchar(140),
	`converted_deal` varchar(140),
	`converted_on` datetime(6),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_leads_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `crm_notes` (
	`name` varchar(140) NOT NULL,
	`title` varchar(255),
	`content` text NOT NULL,
	`reference_doctype` varchar(140),
	`reference_docname` varchar(140),
	`team` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_notes_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `crm_organizations` (
	`name` varchar(140) NOT NULL,
	`organization_name` varchar(140) NOT NULL,
	`website` varchar(255),
	`industry` varchar(140),
	`phone` varchar(40),
	`address` text,
	`organization_owner` varchar(140),
	`team` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_organizations_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `crm_sms_logs` (
	`name` varchar(140) NOT NULL,
	`direction` enum('Incoming','Outgoing') NOT NULL,
	`from_number` varchar(40),
	`to_number` varchar(40),
	`reference_doctype` varchar(140),
	`reference_docname` varchar(140),
	`provider_id` varchar(140),
	`agent` varchar(140),
	`team` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	`status` enum('Queued','Sent','Delivered','Failed','Received') NOT NULL DEFAULT 'Queued',
	`body` text,
	CONSTRAINT `crm_sms_logs_name` PRIMARY KEY(`name`),
	CONSTRAINT `crm_sms_logs_provider_uq` UNIQUE(`provider_id`)
);
--> statement-breakpoint
CREATE TABLE `crm_stage_changes` (
	`name` varchar(140) NOT NULL,
	`deal` varchar(140) NOT NULL,
	`from_stage` varchar(140),
	`to_stage` varchar(140) NOT NULL,
	`changed_at` datetime(6) NOT NULL,
	`seconds_in_previous_stage` int,
	`deal_owner` varchar(140),
	`team` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_stage_changes_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `crm_tasks` (
	`name` varchar(140) NOT NULL,
	`title` varchar(255) NOT NULL,
	`description` text,
	`status` enum('Backlog','Todo','In Progress','Done','Canceled') NOT NULL DEFAULT 'Todo',
	`priority` enum('Low','Medium','High') NOT NULL DEFAULT 'Medium',
	`due_date` datetime(6),
	`assigned_to` varchar(140),
	`reminder_at` datetime(6),
	`reminded_on` datetime(6),
	`reference_doctype` varchar(140),
	`reference_docname` varchar(140),
	`team` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_tasks_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `crm_team_members` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`user` varchar(140) NOT NULL,
	`is_manager` boolean NOT NULL DEFAULT false,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_team_members_name` PRIMARY KEY(`name`),
	CONSTRAINT `crm_team_members_parent_user_uq` UNIQUE(`parent`,`user`)
);
--> statement-breakpoint
CREATE TABLE `crm_teams` (
	`name` varchar(140) NOT NULL,
	`team_name` varchar(140) NOT NULL,
	`description` text,
	`assignment_rule` json,
	`assignment_cursor` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_teams_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
ALTER TABLE `role_permissions` MODIFY COLUMN `scope` enum('all','own_dept','own_customer','own_team') NOT NULL DEFAULT 'all';--> statement-breakpoint
ALTER TABLE `clients` ADD `crm_deal` varchar(140);--> statement-breakpoint
ALTER TABLE `clients` ADD CONSTRAINT `clients_crm_deal_uq` UNIQUE(`crm_deal`);--> statement-breakpoint
CREATE INDEX `crm_call_logs_reference_idx` ON `crm_call_logs` (`reference_doctype`,`reference_docname`);--> statement-breakpoint
CREATE INDEX `crm_call_logs_team_modified_idx` ON `crm_call_logs` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_deals_team_modified_idx` ON `crm_deals` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_deals_owner_status_idx` ON `crm_deals` (`deal_owner`,`status`);--> statement-breakpoint
CREATE INDEX `crm_deals_status_idx` ON `crm_deals` (`status`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_deals_lead_idx` ON `crm_deals` (`lead`);--> statement-breakpoint
CREATE INDEX `crm_leads_team_modified_idx` ON `crm_leads` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_leads_owner_status_idx` ON `crm_leads` (`lead_owner`,`status`);--> statement-breakpoint
CREATE INDEX `crm_leads_modified_idx` ON `crm_leads` (`modified`);--> statement-breakpoint
CREATE INDEX `crm_leads_email_idx` ON `crm_leads` (`email`);--> statement-breakpoint
CREATE INDEX `crm_notes_reference_idx` ON `crm_notes` (`reference_doctype`,`reference_docname`);--> statement-breakpoint
CREATE INDEX `crm_notes_team_modified_idx` ON `crm_notes` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_organizations_team_idx` ON `crm_organizations` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_organizations_owner_idx` ON `crm_organizations` (`organization_owner`);--> statement-breakpoint
CREATE INDEX `crm_sms_logs_reference_idx` ON `crm_sms_logs` (`reference_doctype`,`reference_docname`);--> statement-breakpoint
CREATE INDEX `crm_sms_logs_team_modified_idx` ON `crm_sms_logs` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_stage_changes_deal_idx` ON `crm_stage_changes` (`deal`,`changed_at`);--> statement-breakpoint
CREATE INDEX `crm_tasks_reference_idx` ON `crm_tasks` (`reference_doctype`,`reference_docname`);--> statement-breakpoint
CREATE INDEX `crm_tasks_assignee_status_idx` ON `crm_tasks` (`assigned_to`,`status`);--> statement-breakpoint
CREATE INDEX `crm_tasks_team_modified_idx` ON `crm_tasks` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `crm_tasks_reminder_idx` ON `crm_tasks` (`reminder_at`,`reminded_on`);--> statement-breakpoint
CREATE INDEX `crm_team_members_user_idx` ON `crm_team_members` (`user`);--> statement-breakpoint
INSERT IGNORE INTO `crm_deal_statuses` (`name`, `position`, `probability`, `stage_type`, `requires_lost_reason`, `creation`, `modified`, `owner`, `modified_by`) VALUES ('Qualification', 1, 10, 'Open', 0, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Demo/Making', 2, 25, 'Open', 0, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Proposal/Quotation', 3, 50, 'Open', 0, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Negotiation', 4, 70, 'Open', 0, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Ready to Close', 5, 90, 'Open', 0, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Won', 6, 100, 'Won', 0, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Lost', 7, 0, 'Lost', 1, utc_timestamp(6), utc_timestamp(6), 'system', 'system');--> statement-breakpoint
INSERT IGNORE INTO `crm_lead_sources` (`name`, `source_name`, `creation`, `modified`, `owner`, `modified_by`) VALUES ('Website', 'Website', utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Referral', 'Referral', utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Existing Customer', 'Existing Customer', utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Advertisement', 'Advertisement', utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Cold Calling', 'Cold Calling', utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Exhibition', 'Exhibition', utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Campaign', 'Campaign', utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Walk In', 'Walk In', utc_timestamp(6), utc_timestamp(6), 'system', 'system');
