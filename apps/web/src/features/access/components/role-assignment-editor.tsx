import { useTranslation } from 'react-i18next';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/input';
import type { Role, RoleGrant } from '../api';

/** Roles of a user; each checked role may be limited to one OPD (empty = whole Pemda). */
export function RoleAssignmentEditor({
  roles,
  opds,
  value,
  onChange,
  error,
}: {
  roles: Role[];
  opds: { value: string; label: string }[];
  value: RoleGrant[];
  onChange: (v: RoleGrant[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const byRole = new Map(value.map((g) => [g.roleId, g]));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{t('user.roles')}</legend>
      <div className="max-h-72 overflow-y-auto rounded-md border">
        {roles.map((r) => {
          const grant = byRole.get(r.id);
          const id = `role-${r.id}`;
          return (
            <div key={r.id} className="flex flex-col gap-2 border-b px-3 py-2 last:border-0 sm:flex-row sm:items-center">
              <div className="flex flex-1 items-center gap-2">
                <Checkbox
                  id={id}
                  checked={!!grant}
                  onCheckedChange={(c) =>
                    onChange(c === true ? [...value, { roleId: r.id, opdId: null }] : value.filter((g) => g.roleId !== r.id))
                  }
                />
                <Label htmlFor={id} className="font-normal">
                  {i18n.language === 'en' ? r.nameEn : r.name}
                </Label>
              </div>
              {grant ? (
                <NativeSelect
                  aria-label={t('user.scopeOf', { role: i18n.language === 'en' ? r.nameEn : r.name })}
                  className="h-8 sm:w-60"
                  value={grant.opdId ?? ''}
                  onChange={(e) => onChange(value.map((g) => (g.roleId === r.id ? { ...g, opdId: e.target.value || null } : g)))}
                >
                  <option value="">{t('user.scopeAll')}</option>
                  {opds.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </NativeSelect>
              ) : null}
            </div>
          );
        })}
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
