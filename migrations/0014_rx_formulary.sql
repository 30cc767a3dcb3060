CREATE TABLE `drug_favourites` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`owner_id` text NOT NULL,
	`product_id` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drug_favourites_owner_idx` ON `drug_favourites` (`owner_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `formulary_products` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`brand` text NOT NULL,
	`form` text NOT NULL,
	`route` text NOT NULL,
	`ingredients_json` text NOT NULL,
	`catalogue_product_id` text,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `formulary_products_brand_idx` ON `formulary_products` (`brand`);--> statement-breakpoint
CREATE INDEX `formulary_products_updated_idx` ON `formulary_products` (`updated_at`);