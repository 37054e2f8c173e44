import * as React from 'react';
import { Search, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Input } from '@/components/ui/input';

/** Debounced free-text search; the value lives in the URL (`q`). */
export function SearchBox({
  value,
  onChange,
  placeholder,
  delay = 350,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  placeholder?: string;
  delay?: number;
}) {
  const { t } = useTranslation();
  const [text, setText] = React.useState(value ?? '');
  const last = React.useRef(value ?? '');

  React.useEffect(() => {
    if ((value ?? '') !== last.current) {
      last.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);

  React.useEffect(() => {
    if (text === last.current) return;
    const h = setTimeout(() => {
      last.current = text;
      onChange(text.trim() ? text.trim() : undefined);
    }, delay);
    return () => clearTimeout(h);
  }, [text, delay, onChange]);

  return (
    <div className="relative w-full sm:w-72">
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label={t('table.search')}
        placeholder={placeholder ?? t('table.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            last.current = text;
            onChange(text.trim() ? text.trim() : undefined);
          }
        }}
        className="pl-8 pr-8"
      />
      {text ? (
        <button
          type="button"
          className="absolute right-2 top-1/2 -translate-y-1/2 rounded p-0.5 text-muted-foreground hover:text-foreground cursor-pointer"
          aria-label={t('table.clearSearch')}
          onClick={() => {
            setText('');
            last.current = '';
            onChange(undefined);
          }}
        >
          <X className="size-4" />
        </button>
      ) : null}
    </div>
  );
}
