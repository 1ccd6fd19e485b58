CREATE TABLE `communications` (
	`name` varchar(140) NOT NULL,
	`communication_medium` enum('Email') NOT NULL DEFAULT 'Email',
	`sent_or_received` enum('Sent','Received') NOT NULL,
	`subject` varchar(500),
	`content` mediumtext,
	`sender` varchar(255),
	`sender_full_name` varchar(140),
	`recipients` text,
	`reference_doctype` varchar(140),
	`reference_docname` varchar(140),
	`message_id` varchar(255),
	`in_reply_to` varchar(255),
	`user` varchar(140),
	`team` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `communications_name` PRIMARY KEY(`name`),
	CONSTRAINT `communications_message_id_uq` UNIQUE(`message_id`)
);
--> statement-breakpoint
CREATE TABLE `email_templates` (
	`name` varchar(140) NOT NULL,
	`subject` varchar(500) NOT NULL,
	`response` text NOT NULL,
	`reference_doctype` varchar(140),
	`enabled` boolean NOT NULL DEFAULT true,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `email_templates_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
ALTER TABLE `crm_call_logs` MODIFY COLUMN `status` enum('Initiated','Ringing','In Progress','Completed','Failed','Busy','No Answer','Canceled','Logged') NOT NULL DEFAULT 'Initiated';--> statement-breakpoint
ALTER TABLE `crm_sms_logs` MODIFY COLUMN `status` enum('Queued','Sent','Delivered','Failed','Received','Logged') NOT NULL DEFAULT 'Queued';--> statement-breakpoint
CREATE INDEX `communications_reference_idx` ON `communications` (`reference_doctype`,`reference_docname`,`creation`);--> statement-breakpoint
CREATE INDEX `communications_team_modified_idx` ON `communications` (`team`,`modified`);--> statement-breakpoint
CREATE INDEX `communications_user_idx` ON `communications` (`user`);--> statement-breakpoint
-- E-mail into the CRM opens leads with this source (the inbound webhook's CRM route).
INSERT IGNORE INTO `crm_lead_sources` (`name`, `source_name`, `creation`, `modified`, `owner`, `modified_by`) VALUES ('Email', 'Email', utc_timestamp(6), utc_timestamp(6), 'system', 'system');--> statement-breakpoint
-- Two starter templates (merge fields: packages/modules/src/crm/comms/templates.ts, CRM_MERGE_FIELDS).
INSERT IGNORE INTO `email_templates` (`name`, `subject`, `response`, `reference_doctype`, `enabled`, `creation`, `modified`, `owner`, `modified_by`) VALUES ('Introduction', 'Your enquiry with us, {{lead.first_name}}', 'Hello {{lead.first_name}},\n\nThank you for reaching out about {{lead.organization}}. I would be glad to walk you through our programmes and answer any questions about admissions. When would suit you for a short call?\n\nKind regards,\n{{sender.full_name}}', 'CRM Lead', true, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Next steps', 'Next steps for {{contact.first_name}} {{contact.last_name}}', 'Hello {{contact.first_name}},\n\nThank you for your time today. As discussed, the next step is the intake paperwork; I will follow up by phone to help with anything that is unclear.\n\nKind regards,\n{{sender.full_name}}\n{{sender.email}}', 'CRM Deal', true, utc_timestamp(6), utc_timestamp(6), 'system', 'system');
