/**
 * Routes of this feature. Pages hang under `appRoute` (login required) or, for public pages
 * such as the verifier, under `rootRoute`. Keep the arrays `as const` so links stay typed.
 */
export const signingRoutes = [] as const;
export const signingPublicRoutes = [] as const;
