/** External ids: letters, digits and . _ : - (no spaces), 1 to 128 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const ID_RULE = 'must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';

/** Longest id any argument takes, lookups included: what ID_PATTERN allows. */
export const ID_MAX_LENGTH = 128;
export const ID_LENGTH_RULE = `must be at most ${ID_MAX_LENGTH} characters`;
