ALTER TABLE `role_permissions` ADD `name` varchar(140) DEFAULT (uuid()) NOT NULL;--> statement-breakpoint
ALTER TABLE `role_permissions` ADD `idx` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `role_permissions` ADD `creation` datetime(6) DEFAULT current_timestamp(6) NOT NULL;--> statement-breakpoint
ALTER TABLE `role_permissions` ADD `modified` datetime(6) DEFAULT current_timestamp(6) NOT NULL;--> statement-breakpoint
ALTER TABLE `role_permissions` ADD `owner` varchar(140) DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `role_permissions` ADD `modified_by` varchar(140) DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `role_permissions` ADD CONSTRAINT `role_permissions_name_unique` UNIQUE(`name`);