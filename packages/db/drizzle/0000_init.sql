CREATE TABLE `access_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user` varchar(140) NOT NULL,
	`ref_doctype` varchar(140) NOT NULL,
	`docname` varchar(140) NOT NULL,
	`creation` datetime(6) NOT NULL,
	`request_id` varchar(64),
	`ip` varchar(64),
	`detail` text,
	CONSTRAINT `access_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`api_key` varchar(64) NOT NULL,
	`user` varchar(140) NOT NULL,
	`secret_hash` varchar(64) NOT NULL,
	`label` varchar(140) NOT NULL DEFAULT '',
	`creation` datetime(6) NOT NULL,
	`last_used` datetime(6),
	`revoked_at` datetime(6),
	CONSTRAINT `api_keys_api_key` PRIMARY KEY(`api_key`)
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`name` varchar(140) NOT NULL,
	`department_name` varchar(140) NOT NULL,
	`parent_department` varchar(140),
	`manager` varchar(140),
	`is_group` boolean NOT NULL DEFAULT false,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `departments_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `naming_series` (
	`prefix` varchar(64) NOT NULL,
	`current` int NOT NULL DEFAULT 0,
	CONSTRAINT `naming_series_prefix` PRIMARY KEY(`prefix`)
);
--> statement-breakpoint
CREATE TABLE `role_permissions` (
	`role` varchar(140) NOT NULL,
	`category` varchar(32) NOT NULL,
	`access` enum('none','read','write') NOT NULL,
	`scope` enum('all','own_dept') NOT NULL DEFAULT 'all',
	CONSTRAINT `role_permissions_role_category_pk` PRIMARY KEY(`role`,`category`)
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`name` varchar(140) NOT NULL,
	`description` varchar(255) NOT NULL DEFAULT '',
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `roles_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `user_departments` (
	`user` varchar(140) NOT NULL,
	`department` varchar(140) NOT NULL,
	CONSTRAINT `user_departments_user_department_pk` PRIMARY KEY(`user`,`department`)
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user` varchar(140) NOT NULL,
	`role` varchar(140) NOT NULL,
	CONSTRAINT `user_roles_user_role_pk` PRIMARY KEY(`user`,`role`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`name` varchar(140) NOT NULL,
	`email` varchar(140) NOT NULL,
	`full_name` varchar(140) NOT NULL,
	`password_hash` varchar(255),
	`enabled` boolean NOT NULL DEFAULT true,
	`last_login` datetime(6),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `users_name` PRIMARY KEY(`name`),
	CONSTRAINT `users_email_unique` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `versions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(40) NOT NULL,
	`ref_doctype` varchar(140) NOT NULL,
	`docname` varchar(140) NOT NULL,
	`action` enum('create','update','delete') NOT NULL,
	`data` json NOT NULL,
	`owner` varchar(140) NOT NULL,
	`creation` datetime(6) NOT NULL,
	`request_id` varchar(64),
	`ip` varchar(64),
	CONSTRAINT `versions_id` PRIMARY KEY(`id`),
	CONSTRAINT `versions_name_unique` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`name` varchar(140) NOT NULL,
	`first_name` varchar(140) NOT NULL,
	`last_name` varchar(140) NOT NULL,
	`dob` date,
	`status` enum('active','discharged','pending') NOT NULL DEFAULT 'pending',
	`admission_date` date,
	`discharge_date` date,
	`department` varchar(140) NOT NULL,
	`kipu_id` varchar(64),
	`kipu_last_synced_at` datetime(6),
	`synced_from_kipu` boolean NOT NULL DEFAULT false,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `clients_name` PRIMARY KEY(`name`),
	CONSTRAINT `clients_kipu_id_uq` UNIQUE(`kipu_id`)
);
--> statement-breakpoint
CREATE TABLE `medical_assignments` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`template_id` varchar(140) NOT NULL,
	`status` enum('active','inactive') NOT NULL DEFAULT 'active',
	`activated_at` datetime(6),
	`task_generation_metadata` json,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `medical_assignments_name` PRIMARY KEY(`name`),
	CONSTRAINT `medical_assignments_parent_template_uq` UNIQUE(`parent`,`template_id`)
);
--> statement-breakpoint
CREATE TABLE `medical_template_tasks` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`title` varchar(255) NOT NULL,
	`offset_days` int NOT NULL DEFAULT 0,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `medical_template_tasks_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `medical_templates` (
	`name` varchar(140) NOT NULL,
	`title` varchar(140) NOT NULL,
	`description` text,
	`is_active` boolean NOT NULL DEFAULT true,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `medical_templates_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `program_assignments` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`program_id` varchar(140) NOT NULL,
	`status` enum('active','completed','paused','withdrawn') NOT NULL DEFAULT 'active',
	`start_date` date,
	`group_assignment` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `program_assignments_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `programs` (
	`name` varchar(140) NOT NULL,
	`title` varchar(140) NOT NULL,
	`description` text,
	`is_active` boolean NOT NULL DEFAULT true,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `programs_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`name` varchar(140) NOT NULL,
	`client` varchar(140) NOT NULL,
	`department` varchar(140) NOT NULL,
	`category` enum('medical','program') NOT NULL,
	`title` varchar(255) NOT NULL,
	`assignee` varchar(140),
	`due_date` date,
	`status` enum('open','in_progress','done','cancelled') NOT NULL DEFAULT 'open',
	`source_template` varchar(140),
	`source_template_task` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `tasks_name` PRIMARY KEY(`name`),
	CONSTRAINT `tasks_client_template_task_uq` UNIQUE(`client`,`source_template_task`)
);
--> statement-breakpoint
CREATE INDEX `access_log_ref_idx` ON `access_log` (`ref_doctype`,`docname`);--> statement-breakpoint
CREATE INDEX `access_log_user_idx` ON `access_log` (`user`,`creation`);--> statement-breakpoint
CREATE INDEX `api_keys_user_idx` ON `api_keys` (`user`);--> statement-breakpoint
CREATE INDEX `departments_parent_idx` ON `departments` (`parent_department`);--> statement-breakpoint
CREATE INDEX `user_departments_department_idx` ON `user_departments` (`department`);--> statement-breakpoint
CREATE INDEX `user_roles_role_idx` ON `user_roles` (`role`);--> statement-breakpoint
CREATE INDEX `versions_ref_idx` ON `versions` (`ref_doctype`,`docname`,`creation`);--> statement-breakpoint
CREATE INDEX `versions_owner_idx` ON `versions` (`owner`,`creation`);--> statement-breakpoint
CREATE INDEX `versions_creation_idx` ON `versions` (`creation`);--> statement-breakpoint
CREATE INDEX `clients_dept_status_modified_idx` ON `clients` (`department`,`status`,`modified`);--> statement-breakpoint
CREATE INDEX `clients_dept_modified_idx` ON `clients` (`department`,`modified`);--> statement-breakpoint
CREATE INDEX `clients_status_modified_idx` ON `clients` (`status`,`modified`);--> statement-breakpoint
CREATE INDEX `clients_modified_idx` ON `clients` (`modified`);--> statement-breakpoint
CREATE INDEX `clients_last_name_idx` ON `clients` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `clients_admission_idx` ON `clients` (`admission_date`);--> statement-breakpoint
CREATE INDEX `medical_template_tasks_parent_idx` ON `medical_template_tasks` (`parent`,`idx`);--> statement-breakpoint
CREATE INDEX `program_assignments_parent_idx` ON `program_assignments` (`parent`,`idx`);--> statement-breakpoint
CREATE INDEX `tasks_dept_modified_idx` ON `tasks` (`department`,`modified`);--> statement-breakpoint
CREATE INDEX `tasks_client_status_idx` ON `tasks` (`client`,`status`);--> statement-breakpoint
CREATE INDEX `tasks_modified_idx` ON `tasks` (`modified`);