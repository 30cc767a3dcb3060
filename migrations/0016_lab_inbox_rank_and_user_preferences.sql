CREATE TABLE `user_preferences` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `lab_tests` ADD `delta_percent` real;--> statement-breakpoint
CREATE INDEX `lab_results_rank_idx` ON `lab_results` (`report_id`,`deleted_at`,`status`,`critical`,`flag`);