ALTER TABLE `user_departments` ADD `name` varchar(140) DEFAULT (uuid()) NOT NULL;--> statement-breakpoint
ALTER TABLE `user_departments` ADD `idx` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `user_departments` ADD `creation` datetime(6) DEFAULT current_timestamp(6) NOT NULL;--> statement-breakpoint
ALTER TABLE `user_departments` ADD `modified` datetime(6) DEFAULT current_timestamp(6) NOT NULL;--> statement-breakpoint
ALTER TABLE `user_departments` ADD `owner` varchar(140) DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `user_departments` ADD `modified_by` varchar(140) DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `user_roles` ADD `name` varchar(140) DEFAULT (uuid()) NOT NULL;--> statement-breakpoint
ALTER TABLE `user_roles` ADD `idx` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `user_roles` ADD `creation` datetime(6) DEFAULT current_timestamp(6) NOT NULL;--> statement-breakpoint
ALTER TABLE `user_roles` ADD `modified` datetime(6) DEFAULT current_timestamp(6) NOT NULL;--> statement-breakpoint
ALTER TABLE `user_roles` ADD `owner` varchar(140) DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `user_roles` ADD `modified_by` varchar(140) DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `user_departments` ADD CONSTRAINT `user_departments_name_unique` UNIQUE(`name`);--> statement-breakpoint
ALTER TABLE `user_roles` ADD CONSTRAINT `user_roles_name_unique` UNIQUE(`name`);