CREATE TABLE `crm_notifications` (
	`name` varchar(140) NOT NULL,
	`for_user` varchar(140) NOT NULL,
	`kind` enum('reminder') NOT NULL,
	`subject` varchar(500) NOT NULL,
	`task` varchar(140),
	`reminder_at` datetime(6),
	`reference_doctype` varchar(140),
	`reference_docname` varchar(140),
	`read` boolean NOT NULL DEFAULT false,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `crm_notifications_name` PRIMARY KEY(`name`),
	CONSTRAINT `crm_notifications_task_reminder_uq` UNIQUE(`task`,`reminder_at`)
);
--> statement-breakpoint
CREATE INDEX `crm_notifications_user_read_idx` ON `crm_notifications` (`for_user`,`read`,`creation`);--> statement-breakpoint
-- The crm-task-reminders job acts as the Integration service user: it reads every team's tasks and writes the reminders.
INSERT INTO `role_permissions` (`role`, `category`, `access`, `scope`) SELECT 'Integration', 'crm', 'write', 'all' FROM `roles` WHERE `name` = 'Integration' ON DUPLICATE KEY UPDATE `access` = 'write', `scope` = 'all';
