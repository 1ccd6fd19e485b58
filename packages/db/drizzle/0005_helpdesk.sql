CREATE TABLE `hd_agents` (
	`name` varchar(140) NOT NULL,
	`user` varchar(140) NOT NULL,
	`agent_name` varchar(140),
	`availability` enum('Active','Away','Offline') NOT NULL DEFAULT 'Active',
	`skills` json,
	`max_open` int,
	`is_active` boolean NOT NULL DEFAULT true,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_agents_name` PRIMARY KEY(`name`),
	CONSTRAINT `hd_agents_user_unique` UNIQUE(`user`)
);
--> statement-breakpoint
CREATE TABLE `hd_service_level_agreements` (
	`name` varchar(140) NOT NULL,
	`description` text,
	`enabled` boolean NOT NULL DEFAULT true,
	`is_default` boolean NOT NULL DEFAULT false,
	`default_key` tinyint GENERATED ALWAYS AS (if(`is_default`, 1, null)) STORED,
	`conditions` json,
	`calendar` json NOT NULL,
	`pause_on` json,
	`at_risk_percent` int NOT NULL DEFAULT 75,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_service_level_agreements_name` PRIMARY KEY(`name`),
	CONSTRAINT `hd_sla_default_uq` UNIQUE(`default_key`)
);
--> statement-breakpoint
CREATE TABLE `hd_sla_priorities` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`priority` varchar(140) NOT NULL,
	`response_minutes` int NOT NULL,
	`resolution_minutes` int NOT NULL,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_sla_priorities_name` PRIMARY KEY(`name`),
	CONSTRAINT `hd_sla_priorities_parent_priority_uq` UNIQUE(`parent`,`priority`)
);
--> statement-breakpoint
CREATE TABLE `hd_team_members` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`user` varchar(140) NOT NULL,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_team_members_name` PRIMARY KEY(`name`),
	CONSTRAINT `hd_team_members_parent_user_uq` UNIQUE(`parent`,`user`)
);
--> statement-breakpoint
CREATE TABLE `hd_teams` (
	`name` varchar(140) NOT NULL,
	`team_name` varchar(140) NOT NULL,
	`description` text,
	`assignment_rule` json,
	`assignment_cursor` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_teams_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_ticket_activities` (
	`name` varchar(140) NOT NULL,
	`ticket` varchar(140) NOT NULL,
	`department` varchar(140) NOT NULL,
	`kind` enum('created','status','priority','team','assignment','sla','escalation','comment') NOT NULL,
	`action` varchar(500) NOT NULL,
	`data` json,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_ticket_activities_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_ticket_comments` (
	`name` varchar(140) NOT NULL,
	`ticket` varchar(140) NOT NULL,
	`department` varchar(140) NOT NULL,
	`comment_type` enum('Reply','Internal Note') NOT NULL,
	`commented_by` varchar(140) NOT NULL,
	`content` text NOT NULL,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_ticket_comments_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_ticket_priorities` (
	`name` varchar(140) NOT NULL,
	`rank` int NOT NULL DEFAULT 0,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_ticket_priorities_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_ticket_statuses` (
	`name` varchar(140) NOT NULL,
	`category` enum('Open','Paused','Resolved','Closed') NOT NULL,
	`sort_order` int NOT NULL DEFAULT 0,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_ticket_statuses_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_ticket_types` (
	`name` varchar(140) NOT NULL,
	`description` text,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_ticket_types_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_tickets` (
	`name` varchar(140) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`description` text,
	`status` varchar(140) NOT NULL,
	`priority` varchar(140) NOT NULL,
	`ticket_type` varchar(140),
	`agent_group` varchar(140),
	`assignee` varchar(140),
	`raised_by` varchar(140),
	`client` varchar(140),
	`customer` varchar(140),
	`language` varchar(16),
	`tags` json,
	`department` varchar(140) NOT NULL,
	`opening_date` datetime(6),
	`sla` varchar(140),
	`sla_start` datetime(6),
	`response_by` datetime(6),
	`resolution_by` datetime(6),
	`first_responded_on` datetime(6),
	`resolution_date` datetime(6),
	`total_hold_time` int NOT NULL DEFAULT 0,
	`on_hold_since` datetime(6),
	`agreement_status` enum('First Response Due','Resolution Due','Paused','Fulfilled','Failed'),
	`at_risk` boolean NOT NULL DEFAULT false,
	`sla_log` json,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_tickets_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE INDEX `hd_team_members_user_idx` ON `hd_team_members` (`user`);--> statement-breakpoint
CREATE INDEX `hd_ticket_activities_ticket_idx` ON `hd_ticket_activities` (`ticket`,`creation`);--> statement-breakpoint
CREATE INDEX `hd_ticket_comments_ticket_idx` ON `hd_ticket_comments` (`ticket`,`creation`);--> statement-breakpoint
CREATE INDEX `hd_tickets_dept_status_modified_idx` ON `hd_tickets` (`department`,`status`,`modified`);--> statement-breakpoint
CREATE INDEX `hd_tickets_dept_modified_idx` ON `hd_tickets` (`department`,`modified`);--> statement-breakpoint
CREATE INDEX `hd_tickets_status_modified_idx` ON `hd_tickets` (`status`,`modified`);--> statement-breakpoint
CREATE INDEX `hd_tickets_modified_idx` ON `hd_tickets` (`modified`);--> statement-breakpoint
CREATE INDEX `hd_tickets_assignee_status_idx` ON `hd_tickets` (`assignee`,`status`);--> statement-breakpoint
CREATE INDEX `hd_tickets_team_idx` ON `hd_tickets` (`agent_group`,`status`);--> statement-breakpoint
CREATE INDEX `hd_tickets_agreement_resolution_idx` ON `hd_tickets` (`agreement_status`,`resolution_by`);--> statement-breakpoint
CREATE INDEX `hd_tickets_agreement_response_idx` ON `hd_tickets` (`agreement_status`,`response_by`);--> statement-breakpoint
CREATE INDEX `hd_tickets_client_idx` ON `hd_tickets` (`client`);--> statement-breakpoint
INSERT IGNORE INTO `hd_ticket_statuses` (`name`, `category`, `sort_order`, `creation`, `modified`, `owner`, `modified_by`) VALUES ('Open', 'Open', 1, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Replied', 'Paused', 2, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Paused', 'Paused', 3, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Resolved', 'Resolved', 4, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Closed', 'Closed', 5, utc_timestamp(6), utc_timestamp(6), 'system', 'system');--> statement-breakpoint
INSERT IGNORE INTO `hd_ticket_priorities` (`name`, `rank`, `creation`, `modified`, `owner`, `modified_by`) VALUES ('Low', 1, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Medium', 2, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('High', 3, utc_timestamp(6), utc_timestamp(6), 'system', 'system'), ('Urgent', 4, utc_timestamp(6), utc_timestamp(6), 'system', 'system');
