import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'rectify:isPublic';

/** Marks a route that needs no login (health, login itself); every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
