/**
 * The region numbers are read in when neither the account nor the admin policy names one. In a
 * module of its own so code that needs only this does not load libphonenumber (phone-number.ts).
 */
export const defaultRegion = 'SE'
