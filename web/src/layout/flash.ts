/**
 * A one-time success message for the next page, passed as router state:
 * `navigate('/', { state: { flash: 'auth:changePassword.done' } satisfies FlashState })`.
 * The signed-in layout shows it once, translated, and clears it.
 */
export interface FlashState {
  /** An i18n key "<namespace>:<key>". */
  flash?: string;
}
