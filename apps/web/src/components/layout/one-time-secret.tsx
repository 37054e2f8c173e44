import * as React from 'react';
import { Check, Copy, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/** Shows a secret that the server returns only once (temporary password, API token, recovery codes). */
export function OneTimeSecret({ label, value, note }: { label: string; value: string; note?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = React.useState(false);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" />
        <span>{note ?? t('secret.shownOnce')}</span>
      </div>
      <p className="text-sm font-medium">{label}</p>
      <div className="flex items-center gap-2">
        <code className="flex-1 select-all break-all rounded-md border bg-muted px-3 py-2 font-mono text-sm" data-testid="one-time-secret">
          {value}
        </code>
        <Button
          variant="outline"
          size="icon"
          aria-label={t('secret.copy')}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            } catch {
              /* clipboard unavailable: the value can still be selected */
            }
          }}
        >
          {copied ? <Check /> : <Copy />}
        </Button>
      </div>
    </div>
  );
}
