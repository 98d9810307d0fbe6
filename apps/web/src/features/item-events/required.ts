/** A required text field: blank (only spaces) counts as missing. */
export const required = (message: string) => [{ required: true, whitespace: true, message }];
