import main from './en/main.json';
import mainLabs from './en/main-labs.json';

/**
 * Main's messages (refusals, field errors, status words), one catalog for both sides of IPC:
 * shared/i18n/en/main.json, with each later feature area's messages in a file of its own
 * (main-<area>.json) merged under `errors`, so areas built side by side never edit one file.
 */
export const mainMessages = {
  ...main,
  errors: { ...main.errors, ...mainLabs.errors },
};
