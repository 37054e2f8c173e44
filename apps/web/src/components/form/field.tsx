/**
 * Form kit: field wrappers with label, description and error message, bound to react-hook-form
 * through <Form> (FormProvider). Errors are already translated by `zr()` / `applyServerErrors()`.
 */
import * as React from 'react';
import {
  Controller,
  FormProvider,
  useFormContext,
  type FieldValues,
  type Path,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/utils';

export function Form<T extends FieldValues, TOut = T>({
  form,
  onSubmit,
  className,
  children,
  id,
}: {
  form: UseFormReturn<T, any, TOut>;
  onSubmit: SubmitHandler<TOut>;
  className?: string;
  children: React.ReactNode;
  id?: string;
}) {
  return (
    <FormProvider {...form}>
      <form id={id} noValidate onSubmit={form.handleSubmit(onSubmit)} className={cn('flex flex-col gap-4', className)}>
        {children}
      </form>
    </FormProvider>
  );
}

type BaseProps = {
  name: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  required?: boolean;
  className?: string;
};

function useFieldError(name: string): string | undefined {
  const { getFieldState, formState } = useFormContext();
  const err = getFieldState(name, formState).error;
  return err?.message as string | undefined;
}

/** Label + control + description + error; wires `id`, `aria-invalid`, `aria-describedby`. */
export function FieldShell({
  id,
  label,
  description,
  error,
  required,
  className,
  children,
  inline,
}: {
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  inline?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      {inline ? (
        <div className="flex items-center gap-2">
          {children}
          <Label htmlFor={id}>{label}</Label>
        </div>
      ) : (
        <>
          <div className="flex items-center gap-0.5">
            <Label htmlFor={id}>{label}</Label>
            {required ? (
              <span className="text-sm text-destructive" aria-hidden="true">
                *
              </span>
            ) : null}
          </div>
          {children}
        </>
      )}
      {description ? (
        <p id={`${id}-desc`} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, description: unknown, error: unknown) {
  return [description ? `${id}-desc` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function TextField({
  name,
  label,
  description,
  required,
  className,
  type = 'text',
  emptyAsNull,
  ...inputProps
}: BaseProps &
  Omit<React.ComponentProps<'input'>, 'name' | 'id'> & {
    /** Send null instead of '' (optional fields). */
    emptyAsNull?: boolean;
  }) {
  const { register } = useFormContext();
  const id = React.useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} description={description} error={error} required={required} className={className}>
      <Input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, description, error)}
        {...inputProps}
        {...register(name, {
          setValueAs: emptyAsNull ? (v: unknown) => (v === '' ? null : v) : undefined,
          valueAsNumber: type === 'number' ? true : undefined,
        } as any)}
      />
    </FieldShell>
  );
}

export function DateField(props: BaseProps & Omit<React.ComponentProps<'input'>, 'name' | 'id' | 'type'> & { emptyAsNull?: boolean }) {
  return <TextField {...props} type="date" />;
}

export function TextareaField({
  name,
  label,
  description,
  required,
  className,
  emptyAsNull,
  ...rest
}: BaseProps & Omit<React.ComponentProps<'textarea'>, 'name' | 'id'> & { emptyAsNull?: boolean }) {
  const { register } = useFormContext();
  const id = React.useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} description={description} error={error} required={required} className={className}>
      <Textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, description, error)}
        {...rest}
        {...register(name, { setValueAs: emptyAsNull ? (v: unknown) => (v === '' ? null : v) : undefined })}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string; disabled?: boolean };

export function SelectField({
  name,
  label,
  description,
  required,
  className,
  options,
  placeholder,
  emptyAsNull,
  ...rest
}: BaseProps &
  Omit<React.ComponentProps<'select'>, 'name' | 'id'> & {
    options: Option[];
    /** First, empty option (e.g. "— Pilih OPD —"). */
    placeholder?: string;
    emptyAsNull?: boolean;
  }) {
  const { register } = useFormContext();
  const id = React.useId();
  const error = useFieldError(name);
  const reg = register(name, { setValueAs: emptyAsNull ? (v: unknown) => (v === '' ? null : v) : undefined });
  return (
    <FieldShell id={id} label={label} description={description} error={error} required={required} className={className}>
      <NativeSelect
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, description, error)}
        {...rest}
        {...reg}
        onChange={(e) => {
          void reg.onChange(e);
          rest.onChange?.(e);
        }}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, description, className, disabled }: BaseProps & { disabled?: boolean }) {
  const { control } = useFormContext();
  const id = React.useId();
  const error = useFieldError(name);
  return (
    <Controller
      control={control}
      name={name as Path<FieldValues>}
      render={({ field }) => (
        <FieldShell id={id} label={label} description={description} error={error} className={className} inline>
          <Checkbox
            id={id}
            checked={!!field.value}
            onCheckedChange={(v) => field.onChange(v === true)}
            onBlur={field.onBlur}
            disabled={disabled}
            aria-describedby={describedBy(id, description, error)}
          />
        </FieldShell>
      )}
    />
  );
}

/** Error of the whole form (e.g. a server error without field details). */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
      {message}
    </div>
  );
}
