import type { TRiskRating } from '@persada/shared';
import { cn } from '@/lib/utils';

/** Readable text on a band colour (dark text on yellow, white elsewhere). */
export function textOn(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111827' : '#ffffff';
}

/** Score + level name in the level colour, e.g. "23 · Sangat Tinggi". */
export function LevelBadge({ rating, className, compact }: { rating: Pick<TRiskRating, 'score' | 'levelName' | 'color'> | null | undefined; className?: string; compact?: boolean }) {
  if (!rating) return <span className="text-muted-foreground">—</span>;
  return (
    <span
      className={cn('inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap', className)}
      style={{ backgroundColor: rating.color, color: textOn(rating.color) }}
      data-testid="level-badge"
    >
      <span>{rating.score}</span>
      {compact ? null : <span>· {rating.levelName}</span>}
    </span>
  );
}
