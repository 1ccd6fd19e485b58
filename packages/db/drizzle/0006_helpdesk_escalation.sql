CREATE TABLE `hd_escalation_fired` (
	`ticket` varchar(140) NOT NULL,
	`rule` varchar(140) NOT NULL,
	`level` int NOT NULL,
	`cycle` varchar(64) NOT NULL,
	`fired_at` datetime(6) NOT NULL,
	CONSTRAINT `hd_escalation_fired_ticket_rule_level_cycle_pk` PRIMARY KEY(`ticket`,`rule`,`level`,`cycle`)
);
--> statement-breakpoint
CREATE TABLE `hd_escalation_levels` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`trigger_clock` enum('response','resolution') NOT NULL,
	`trigger_percent` int,
	`notify_assignee` boolean NOT NULL DEFAULT false,
	`notify_team_lead` boolean NOT NULL DEFAULT false,
	`notify_user` varchar(140),
	`notify_email` boolean NOT NULL DEFAULT false,
	`reassign_team` varchar(140),
	`reassign_agent` varchar(140),
	`raise_priority` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_escalation_levels_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_escalation_rules` (
	`name` varchar(140) NOT NULL,
	`description` text,
	`enabled` boolean NOT NULL DEFAULT true,
	`conditions` json,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_escalation_rules_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_notifications` (
	`name` varchar(140) NOT NULL,
	`for_user` varchar(140) NOT NULL,
	`ticket` varchar(140) NOT NULL,
	`department` varchar(140) NOT NULL,
	`kind` enum('escalation') NOT NULL,
	`subject` varchar(500) NOT NULL,
	`read` boolean NOT NULL DEFAULT false,
	`email_status` enum('none','pending') NOT NULL DEFAULT 'none',
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_notifications_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_ticket_escalation_marks` (
	`ticket` varchar(140) NOT NULL,
	`rule` varchar(140) NOT NULL,
	`level` int NOT NULL,
	`cycle` varchar(64) NOT NULL,
	`due_at` datetime(6) NOT NULL,
	CONSTRAINT `hd_ticket_escalation_marks_ticket_rule_level_pk` PRIMARY KEY(`ticket`,`rule`,`level`)
);
--> statement-breakpoint
ALTER TABLE `hd_teams` ADD `team_lead` varchar(140);--> statement-breakpoint
CREATE INDEX `hd_notifications_user_read_idx` ON `hd_notifications` (`for_user`,`read`,`creation`);--> statement-breakpoint
CREATE INDEX `hd_notifications_ticket_idx` ON `hd_notifications` (`ticket`);--> statement-breakpoint
CREATE INDEX `hd_ticket_escalation_marks_due_idx` ON `hd_ticket_escalation_marks` (`due_at`);--> statement-breakpoint
-- The escalation sweep acts as the Integration service user: it reads and writes tickets of every department.
UPDATE `role_permissions` SET `access` = 'write', `scope` = 'all' WHERE `role` = 'Integration' AND `category` = 'helpdesk';