import main from './en/main.json';
import mainLabs from './en/main-labs.json';
import mainLabsImports from './en/main-labs-imports.json';
import mainLabsOrders from './en/main-labs-orders.json';
import mainLabsReview from './en/main-labs-review.json';

/**
 * Main's messages (refusals, field errors, status words), one catalog for both sides of IPC:
 * shared/i18n/en/main.json, with each later feature area's messages in a file of its own
 * (main-<area>.json, errors.<feature>.<area>.*) merged here, so areas built side by side never
 * edit one file.
 */
export const mainMessages = {
  ...main,
  labs: mainLabs.labs,
  errors: {
    ...main.errors,
    labs: {
      ...mainLabs.errors.labs,
      ...mainLabsOrders.errors.labs,
      ...mainLabsImports.errors.labs,
      ...mainLabsReview.errors.labs,
    },
  },
};
