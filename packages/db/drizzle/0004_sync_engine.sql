CREATE TABLE `sync_changes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`run` varchar(140) NOT NULL,
	`source` varchar(64) NOT NULL,
	`client` varchar(140),
	`external_id` varchar(140),
	`action` enum('create','update','remove','conflict','duplicate','error') NOT NULL,
	`before_image` json,
	`after_image` json,
	`fields_changed` json,
	`conflict_fields` json,
	`state_before` json,
	`error_reason` varchar(1000),
	`rollback_status` enum('restored','kept'),
	`rollback_note` varchar(500),
	`creation` datetime(6) NOT NULL,
	CONSTRAINT `sync_changes_id` PRIMARY KEY(`id`),
	CONSTRAINT `sync_changes_run_external_uq` UNIQUE(`run`,`external_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`name` varchar(140) NOT NULL,
	`source` varchar(64) NOT NULL,
	`client` varchar(140) NOT NULL,
	`field` varchar(64) NOT NULL,
	`local_value` json,
	`source_value` json,
	`run` varchar(140) NOT NULL,
	`status` enum('open','kept_local','took_source') NOT NULL DEFAULT 'open',
	`open_key` tinyint GENERATED ALWAYS AS (if(`status` = 'open', 1, null)) STORED,
	`resolved_by` varchar(140),
	`resolved_at` datetime(6),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `sync_conflicts_name` PRIMARY KEY(`name`),
	CONSTRAINT `sync_conflicts_client_field_open_uq` UNIQUE(`client`,`field`,`open_key`)
);
--> statement-breakpoint
CREATE TABLE `sync_duplicates` (
	`name` varchar(140) NOT NULL,
	`source` varchar(64) NOT NULL,
	`external_id` varchar(140) NOT NULL,
	`client` varchar(140) NOT NULL,
	`source_values` json NOT NULL,
	`change_marker` varchar(64),
	`run` varchar(140) NOT NULL,
	`status` enum('open','merged','dismissed') NOT NULL DEFAULT 'open',
	`resolved_by` varchar(140),
	`resolved_at` datetime(6),
	`created_client` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `sync_duplicates_name` PRIMARY KEY(`name`),
	CONSTRAINT `sync_duplicates_source_external_client_uq` UNIQUE(`source`,`external_id`,`client`)
);
--> statement-breakpoint
CREATE TABLE `sync_inbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`source` varchar(64) NOT NULL,
	`external_id` varchar(140) NOT NULL,
	`payload` json NOT NULL,
	`payload_hash` char(64) NOT NULL,
	`received_at` datetime(6) NOT NULL,
	CONSTRAINT `sync_inbox_id` PRIMARY KEY(`id`),
	CONSTRAINT `sync_inbox_source_external_hash_uq` UNIQUE(`source`,`external_id`,`payload_hash`)
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`name` varchar(140) NOT NULL,
	`source` varchar(64) NOT NULL,
	`sync_type` enum('full','incremental') NOT NULL,
	`dry_run` boolean NOT NULL DEFAULT false,
	`trigger` enum('manual','schedule','api') NOT NULL,
	`actor` varchar(140) NOT NULL,
	`status` enum('queued','running','completed','failed','rolled_back','partially_rolled_back') NOT NULL DEFAULT 'queued',
	`since` varchar(64),
	`previous_high_water_mark` varchar(64),
	`high_water_mark` varchar(64),
	`checkpoint` json,
	`imported` int NOT NULL DEFAULT 0,
	`updated` int NOT NULL DEFAULT 0,
	`skipped` int NOT NULL DEFAULT 0,
	`conflicts` int NOT NULL DEFAULT 0,
	`duplicates` int NOT NULL DEFAULT 0,
	`errors` int NOT NULL DEFAULT 0,
	`removed` int NOT NULL DEFAULT 0,
	`attempts` int NOT NULL DEFAULT 0,
	`error` text,
	`request_id` varchar(64),
	`started_at` datetime(6),
	`finished_at` datetime(6),
	`rolled_back_at` datetime(6),
	`rolled_back_by` varchar(140),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `sync_runs_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `sync_sources` (
	`name` varchar(64) NOT NULL,
	`kind` enum('kipu','webhook') NOT NULL,
	`enabled` boolean NOT NULL DEFAULT true,
	`status` enum('ok','auth_failed','forbidden','error') NOT NULL DEFAULT 'ok',
	`status_message` varchar(500),
	`disabled_endpoints` json,
	`conflict_policy` json,
	`department` varchar(140) NOT NULL DEFAULT 'Medical',
	`high_water_mark` varchar(64),
	`next_attempt_at` datetime(6),
	`consecutive_failures` int NOT NULL DEFAULT 0,
	`last_run` varchar(140),
	`last_success_at` datetime(6),
	`running_run` varchar(160),
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `sync_sources_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`source` varchar(64) NOT NULL,
	`external_id` varchar(140) NOT NULL,
	`client` varchar(140) NOT NULL,
	`synced_values` json NOT NULL,
	`change_marker` varchar(64),
	`run` varchar(140),
	`synced_at` datetime(6) NOT NULL,
	CONSTRAINT `sync_state_source_external_id_pk` PRIMARY KEY(`source`,`external_id`),
	CONSTRAINT `sync_state_source_client_uq` UNIQUE(`source`,`client`)
);
--> statement-breakpoint
ALTER TABLE `clients` ADD `kipu_removed_at` datetime(6);--> statement-breakpoint
CREATE INDEX `sync_changes_run_idx` ON `sync_changes` (`run`,`id`);--> statement-breakpoint
CREATE INDEX `sync_changes_client_idx` ON `sync_changes` (`client`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_status_idx` ON `sync_conflicts` (`status`,`creation`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_run_idx` ON `sync_conflicts` (`run`);--> statement-breakpoint
CREATE INDEX `sync_duplicates_status_idx` ON `sync_duplicates` (`status`,`creation`);--> statement-breakpoint
CREATE INDEX `sync_duplicates_run_idx` ON `sync_duplicates` (`run`);--> statement-breakpoint
CREATE INDEX `sync_inbox_source_id_idx` ON `sync_inbox` (`source`,`id`);--> statement-breakpoint
CREATE INDEX `sync_runs_source_creation_idx` ON `sync_runs` (`source`,`creation`);--> statement-breakpoint
CREATE INDEX `sync_runs_status_idx` ON `sync_runs` (`status`);--> statement-breakpoint
CREATE INDEX `clients_dob_idx` ON `clients` (`dob`);