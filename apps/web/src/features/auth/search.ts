import { z } from 'zod';
import { zSearchText } from '@/lib/list-search';

export const ZLoginSearch = z.object({
  redirect: zSearchText,
  /** Message key set by the server after a failed SSO round trip (e.g. `auth.sso_no_user`). */
  error: zSearchText,
});

/** Only same-origin paths are allowed as a post-login target. */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}
