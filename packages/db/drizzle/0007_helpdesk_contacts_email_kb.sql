CREATE TABLE `contact_emails` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`email_id` varchar(140) NOT NULL,
	`is_primary` boolean NOT NULL DEFAULT false,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `contact_emails_name` PRIMARY KEY(`name`),
	CONSTRAINT `contact_emails_email_id_unique` UNIQUE(`email_id`)
);
--> statement-breakpoint
CREATE TABLE `contact_phones` (
	`name` varchar(140) NOT NULL,
	`parent` varchar(140) NOT NULL,
	`idx` int NOT NULL DEFAULT 0,
	`phone` varchar(40) NOT NULL,
	`is_primary` boolean NOT NULL DEFAULT false,
	`note` text,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `contact_phones_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`name` varchar(140) NOT NULL,
	`first_name` varchar(140),
	`last_name` varchar(140),
	`full_name` varchar(280) NOT NULL,
	`email_id` varchar(140),
	`phone` varchar(40),
	`customer` varchar(140),
	`user` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `contacts_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_customers` (
	`name` varchar(140) NOT NULL,
	`customer_name` varchar(140) NOT NULL,
	`domain` varchar(140),
	`department` varchar(140) NOT NULL,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_customers_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `email_messages` (
	`message_id` varchar(255) NOT NULL,
	`direction` enum('outbound','inbound') NOT NULL,
	`reference_doctype` varchar(140) NOT NULL,
	`reference_name` varchar(140) NOT NULL,
	`comment_name` varchar(140),
	`creation` datetime(6) NOT NULL,
	`headers` json,
	CONSTRAINT `email_messages_message_id` PRIMARY KEY(`message_id`)
);
--> statement-breakpoint
CREATE TABLE `email_queue` (
	`name` varchar(140) NOT NULL,
	`sender` varchar(255) NOT NULL,
	`recipients` text NOT NULL,
	`subject` varchar(500) NOT NULL,
	`message` text NOT NULL,
	`message_id` varchar(255) NOT NULL,
	`in_reply_to` varchar(255),
	`references` text,
	`reference_doctype` varchar(140),
	`reference_name` varchar(140),
	`department` varchar(140),
	`status` enum('Not Sent','Sending','Sent','Error') NOT NULL DEFAULT 'Not Sent',
	`attempts` int NOT NULL DEFAULT 0,
	`error` text,
	`send_after` datetime(6),
	`sent_at` datetime(6),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `email_queue_name` PRIMARY KEY(`name`),
	CONSTRAINT `email_queue_message_id_unique` UNIQUE(`message_id`)
);
--> statement-breakpoint
CREATE TABLE `hd_article_categories` (
	`name` varchar(140) NOT NULL,
	`category_name` varchar(140) NOT NULL,
	`description` text,
	`sort_order` int NOT NULL DEFAULT 0,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_article_categories_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_article_feedback` (
	`name` varchar(140) NOT NULL,
	`article` varchar(140) NOT NULL,
	`user` varchar(140) NOT NULL,
	`helpful` boolean NOT NULL,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_article_feedback_name` PRIMARY KEY(`name`),
	CONSTRAINT `hd_article_feedback_article_user_uq` UNIQUE(`article`,`user`)
);
--> statement-breakpoint
CREATE TABLE `hd_articles` (
	`name` varchar(140) NOT NULL,
	`title` varchar(255) NOT NULL,
	`category` varchar(140),
	`content` text NOT NULL,
	`status` enum('Draft','Published','Archived') NOT NULL DEFAULT 'Draft',
	`author` varchar(140),
	`published_on` varchar(32),
	`helpful_count` int NOT NULL DEFAULT 0,
	`not_helpful_count` int NOT NULL DEFAULT 0,
	`views` int NOT NULL DEFAULT 0,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_articles_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `hd_canned_responses` (
	`name` varchar(140) NOT NULL,
	`title` varchar(140) NOT NULL,
	`message` text NOT NULL,
	`teams` json,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `hd_canned_responses_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
ALTER TABLE `role_permissions` MODIFY COLUMN `scope` enum('all','own_dept','own_customer') NOT NULL DEFAULT 'all';--> statement-breakpoint
ALTER TABLE `hd_ticket_activities` MODIFY COLUMN `kind` enum('created','status','priority','team','assignment','sla','escalation','comment','merge','email','feedback') NOT NULL;--> statement-breakpoint
ALTER TABLE `hd_notifications` MODIFY COLUMN `kind` enum('escalation','mention','assignment','reply') NOT NULL;--> statement-breakpoint
ALTER TABLE `hd_ticket_comments` ADD `customer` varchar(140);--> statement-breakpoint
ALTER TABLE `hd_ticket_comments` ADD `source` enum('Agent','Portal','Email') DEFAULT 'Agent' NOT NULL;--> statement-breakpoint
ALTER TABLE `hd_ticket_comments` ADD `mentions` json;--> statement-breakpoint
ALTER TABLE `hd_tickets` ADD `contact` varchar(140);--> statement-breakpoint
ALTER TABLE `hd_tickets` ADD `feedback_rating` tinyint;--> statement-breakpoint
ALTER TABLE `hd_tickets` ADD `feedback_text` text;--> statement-breakpoint
ALTER TABLE `hd_tickets` ADD `feedback_on` datetime(6);--> statement-breakpoint
ALTER TABLE `hd_tickets` ADD `merged_into` varchar(140);--> statement-breakpoint
ALTER TABLE `hd_tickets` ADD `last_customer_reply_on` datetime(6);--> statement-breakpoint
CREATE INDEX `contact_emails_parent_idx` ON `contact_emails` (`parent`);--> statement-breakpoint
CREATE INDEX `contact_phones_parent_idx` ON `contact_phones` (`parent`);--> statement-breakpoint
CREATE INDEX `contacts_customer_idx` ON `contacts` (`customer`);--> statement-breakpoint
CREATE INDEX `contacts_user_idx` ON `contacts` (`user`);--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`email_id`);--> statement-breakpoint
CREATE INDEX `hd_customers_domain_idx` ON `hd_customers` (`domain`);--> statement-breakpoint
CREATE INDEX `email_messages_reference_idx` ON `email_messages` (`reference_doctype`,`reference_name`);--> statement-breakpoint
CREATE INDEX `email_queue_status_idx` ON `email_queue` (`status`,`send_after`);--> statement-breakpoint
CREATE INDEX `email_queue_reference_idx` ON `email_queue` (`reference_doctype`,`reference_name`);--> statement-breakpoint
CREATE INDEX `hd_articles_status_category_idx` ON `hd_articles` (`status`,`category`);--> statement-breakpoint
CREATE INDEX `hd_tickets_customer_modified_idx` ON `hd_tickets` (`customer`,`modified`);--> statement-breakpoint
CREATE FULLTEXT INDEX `hd_articles_fulltext_idx` ON `hd_articles` (`title`,`content`);