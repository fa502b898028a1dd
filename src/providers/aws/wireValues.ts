// Values as emulators and the real service send them. moto renders some enums padded
// (`<state> enabled </state>`) and the SDK keeps the spaces; IDs and enums never carry
// meaningful whitespace, so they are trimmed. Tag values and descriptions are not.

/** An ID or enum: trimmed; absent or blank is null. */
export function token(v: string | undefined | null): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** An enum EC2 documents in lower case (`enabled`, `required`, `gp3`): trimmed and lower-cased. */
export function enumValue(v: string | undefined | null): string | null {
  return token(v)?.toLowerCase() ?? null;
}

/** What the mapper answers for an attribute the API answer lacked, in words a person can act on. */
export const lacking = (what: string): string => `the EC2 answer has no ${what} (an emulator's partial response?)`;
