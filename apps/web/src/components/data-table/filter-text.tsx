import * as React from 'react';
import { Input } from '@/components/ui/input';

/** A labelled text (or date) filter that writes to the URL after a short pause. */
export function FilterText({
  label,
  value,
  onChange,
  type = 'text',
  placeholder,
  delay = 400,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  type?: 'text' | 'date';
  placeholder?: string;
  delay?: number;
}) {
  const id = React.useId();
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
      onChange(text.trim() || undefined);
    }, type === 'date' ? 0 : delay);
    return () => clearTimeout(h);
  }, [text, delay, onChange, type]);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      <Input id={id} type={type} className="h-9 w-full sm:w-44" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
    </div>
  );
}
