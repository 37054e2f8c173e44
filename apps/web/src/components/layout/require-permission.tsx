import * as React from 'react';
import { Link } from '@tanstack/react-router';
import { ShieldX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api';
import { hasPermission, useMe } from '@/lib/auth';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col items-center gap-3 py-20 text-center">
      <ShieldX className="size-10 text-muted-foreground" />
      <h1 className="text-lg font-semibold">{t('errors.forbiddenTitle')}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{t('errors.forbiddenText')}</p>
      <Button asChild variant="outline">
        <Link to="/">{t('nav.dashboard')}</Link>
      </Button>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col items-center gap-3 py-20 text-center">
      <h1 className="text-lg font-semibold">{t('errors.notFoundTitle')}</h1>
      <p className="text-sm text-muted-foreground">{t('errors.notFoundText')}</p>
      <Button asChild variant="outline">
        <Link to="/">{t('nav.dashboard')}</Link>
      </Button>
    </div>
  );
}

/** Wraps a page component so it renders only with the permission (otherwise "forbidden"). */
export function withPermission<P extends object>(permission: string | string[], Page: React.ComponentType<P>) {
  function Guarded(props: P) {
    const me = useMe();
    if (!hasPermission(me, permission)) return <Forbidden />;
    return <Page {...props} />;
  }
  Guarded.displayName = `withPermission(${Page.displayName ?? Page.name})`;
  return Guarded;
}

/** Route error (e.g. the server is unreachable while loading a page). */
export function RouteError({ error, reset }: { error: unknown; reset?: () => void }) {
  const { t, i18n } = useTranslation();
  const message = isApiError(error) ? error.localizedDetail(i18n.language) || error.localizedTitle(i18n.language) : t('errors.unexpectedText');
  return (
    <div role="alert" className="flex flex-col items-center gap-3 py-20 text-center">
      <h1 className="text-lg font-semibold">{t('errors.unexpectedTitle')}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{message}</p>
      <div className="flex gap-2">
        <Button variant="outline" onClick={() => (reset ? reset() : window.location.reload())}>
          {t('errors.retry')}
        </Button>
        <Button asChild variant="ghost">
          <Link to="/">{t('nav.dashboard')}</Link>
        </Button>
      </div>
    </div>
  );
}
