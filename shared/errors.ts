/** Error codes that cross IPC. Messages are for people; codes are for code. */
export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'SETUP_REQUIRED',
  'RECOVERY_REQUIRED',
  'ALREADY_SET_UP',
  'NOT_FOUND',
  'CONFLICT',
  'POSSIBLE_DUPLICATE',
  'DISK_FULL',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Field path (dot separated) -> what to fix. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by services; turned into a `Result` error by the dispatcher. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toData(): AppErrorData {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}
