import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { inputClass } from '@/components/ui/input';
import { cn } from '@/lib/utils';

export type PickerOption = { id: string; label: string; hint?: string };

/**
 * A searchable combobox (WAI-ARIA 1.2 "combobox with listbox popup"): type to search on the
 * server, ArrowUp/ArrowDown to move, Enter to choose, Escape to close, the × button to clear.
 * The input shows the chosen record's label; leaving it without choosing restores that label.
 */
export function Combobox({
  id,
  label,
  value,
  onChange,
  search,
  queryKey,
  placeholder,
  description,
  error,
  disabled,
  className,
}: {
  id: string;
  label: React.ReactNode;
  value: PickerOption | null;
  onChange: (v: PickerOption | null) => void;
  search: (q: string) => Promise<PickerOption[]>;
  queryKey: readonly unknown[];
  placeholder?: string;
  description?: React.ReactNode;
  error?: string;
  disabled?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = React.useState(value?.label ?? '');
  const [open, setOpen] = React.useState(false);
  // the highlighted option; -1 = none yet (ArrowDown highlights the first)
  const [active, setActive] = React.useState(-1);
  const [q, setQ] = React.useState('');
  React.useEffect(() => setText(value?.label ?? ''), [value?.id, value?.label]);
  // debounce the search text
  React.useEffect(() => {
    const h = setTimeout(() => setQ(text === (value?.label ?? '') ? '' : text.trim()), 200);
    return () => clearTimeout(h);
  }, [text, value?.label]);
  const results = useQuery({ queryKey: [...queryKey, 'picker', q], queryFn: () => search(q), enabled: open && !disabled, staleTime: 10_000, meta: { silent: true } });
  const options = results.data ?? [];
  React.useEffect(() => setActive(-1), [q, open]);

  const listId = `${id}-listbox`;
  const descId = description ? `${id}-desc` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const choose = (o: PickerOption) => {
    onChange(o);
    setText(o.label);
    setOpen(false);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, options.length ? 0 : -1));
    } else if (e.key === 'Enter') {
      if (open && options[active]) {
        e.preventDefault();
        choose(options[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        setText(value?.label ?? '');
      }
    }
  };

  return (
    <div className={cn('relative flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[descId, errId].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
          disabled={disabled}
          placeholder={placeholder ?? t('pickers.typeToSearch')}
          className={cn(inputClass, value ? 'pr-8' : '')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            // let a click on an option land first
            setTimeout(() => {
              setOpen(false);
              setText(value?.label ?? '');
            }, 150);
          }}
          onKeyDown={onKeyDown}
        />
        {value && !disabled ? (
          <button
            type="button"
            aria-label={t('pickers.clear')}
            className="absolute top-1/2 right-2 -translate-y-1/2 rounded p-0.5 text-muted-foreground hover:text-foreground"
            onClick={() => {
              onChange(null);
              setText('');
            }}
          >
            <X className="size-4" />
          </button>
        ) : null}
        {open ? (
          <ul id={listId} role="listbox" aria-label={typeof label === 'string' ? label : undefined} className="absolute z-50 mt-1 max-h-64 w-full overflow-y-auto rounded-md border bg-popover p-1 text-sm shadow-md">
            {results.isLoading ? <li className="px-2 py-1.5 text-muted-foreground">{t('common.loading')}</li> : null}
            {results.isError ? <li className="px-2 py-1.5 text-destructive">{t('pickers.failed')}</li> : null}
            {!results.isLoading && !results.isError && options.length === 0 ? <li className="px-2 py-1.5 text-muted-foreground">{t('pickers.noResults')}</li> : null}
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={cn('cursor-pointer rounded px-2 py-1.5', i === active ? 'bg-accent text-accent-foreground' : '')}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
              >
                <div>{o.label}</div>
                {o.hint ? <div className="text-xs text-muted-foreground">{o.hint}</div> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {description ? (
        <p id={descId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errId} role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
