/** The message main sent (ApiError carries it), or a plain fallback for anything else. */
export function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
