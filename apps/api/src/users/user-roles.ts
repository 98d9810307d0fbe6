/** The roles an account may have, as the API's request DTOs accept them (enum UserRole). */
export const USER_ROLE_VALUES = ['secretary', 'supervisor', 'admin'] as const;

export type UserRoleValue = (typeof USER_ROLE_VALUES)[number];
