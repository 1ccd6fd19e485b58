CREATE TABLE `saved_views` (
	`name` varchar(140) NOT NULL,
	`list` varchar(64) NOT NULL,
	`label` varchar(80) NOT NULL,
	`query` varchar(2000) NOT NULL,
	`is_default` boolean NOT NULL DEFAULT false,
	`default_key` tinyint GENERATED ALWAYS AS (if(`is_default`, 1, null)) STORED,
	`creation` datetime(6) NOT NULL,
	`modified` datetime(6) NOT NULL,
	`owner` varchar(140) NOT NULL,
	`modified_by` varchar(140) NOT NULL,
	CONSTRAINT `saved_views_name` PRIMARY KEY(`name`),
	CONSTRAINT `saved_views_owner_list_label_uq` UNIQUE(`owner`,`list`,`label`),
	CONSTRAINT `saved_views_owner_list_default_uq` UNIQUE(`owner`,`list`,`default_key`)
);
