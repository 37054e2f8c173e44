import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';

export function StatusBadge({ status }: { status: 'in_progress' | 'completed' | 'cancelled' }) {
  const { t } = useTranslation();
  const variant = status === 'completed' ? 'success' : status === 'cancelled' ? 'secondary' : 'warning';
  return <Badge variant={variant}>{t(`signing.status.${status}`)}</Badge>;
}
