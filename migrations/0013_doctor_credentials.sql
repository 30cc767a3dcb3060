ALTER TABLE `users` ADD `qualifications` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `registration_number` text DEFAULT '' NOT NULL;