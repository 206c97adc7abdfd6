/** Limits shared by the server's validation and the client's forms. */
export const limits = {
  passwordMinLength: 10,
  passwordMaxLength: 128,
  unitNameMaxLength: 300,
  unitCodeMaxLength: 20,
  personNameMaxLength: 200,
  emailMaxLength: 254,
  decisionNumberMaxLength: 100,
  /** Failed sign-ins in a row that lock an account. */
  maxFailedSignIns: 5,
  /** How long a locked account stays locked, in minutes. */
  lockMinutes: 15,
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: 30,
  /** Hard limit on a session's age, in hours, whatever the activity. */
  sessionMaxHours: 12,
  /** Minutes before idle expiry at which the client warns. */
  sessionWarningMinutes: 2,
  pageSizeMax: 500,
} as const;
