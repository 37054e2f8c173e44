import { useTranslation } from 'react-i18next';
import type { TComplianceStatus } from '@persada/shared';
import { Badge } from '@/components/ui/badge';

const variant = { met: 'success', due_soon: 'warning', partly: 'secondary', missing: 'destructive' } as const;

export function StatusBadge({ status }: { status: TComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={variant[status]} data-status={status}>
      {t(`regulations.status.${status}`)}
    </Badge>
  );
}

export function ScoreBar({ score }: { score: number }) {
  return (
    <div className="flex items-center gap-2" aria-label={`${score}%`}>
      <div className="h-2 w-24 overflow-hidden rounded bg-muted">
        <div className="h-full bg-primary" style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
      </div>
      <span className="text-xs tabular-nums text-muted-foreground">{score}%</span>
    </div>
  );
}
