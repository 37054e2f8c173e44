import { useTranslation } from 'react-i18next';
import { Lock, Pencil, RotateCcw, Save, Trash2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import type { PermissionInfo, Role } from '../api';

export type MatrixProps = {
  roles: Role[];
  permissions: PermissionInfo[];
  draft: Record<string, Set<string>>;
  dirty: (roleId: string) => boolean;
  canManage: boolean;
  saving: string | null;
  onToggle: (roleId: string, code: string, on: boolean) => void;
  onSave: (role: Role) => void;
  onReset: (role: Role) => void;
  onEdit: (role: Role) => void;
  onDelete: (role: Role) => void;
};

/** Checkbox grid: permissions (rows, grouped by module) × roles (columns). */
export function PermissionMatrix(p: MatrixProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const modules = [...new Set(p.permissions.map((x) => x.module))];
  const roleName = (r: Role) => (en ? r.nameEn : r.name);
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{t('role.matrixCaption')}</caption>
        <thead>
          <tr className="border-b bg-muted/40 align-bottom">
            <th scope="col" className="sticky left-0 z-10 min-w-64 bg-muted p-3 text-left text-xs font-semibold uppercase text-muted-foreground">
              {t('role.permission')}
            </th>
            {p.roles.map((r) => (
              <th key={r.id} scope="col" className="min-w-36 border-l p-2 text-left align-bottom font-normal">
                <div className="flex flex-col gap-1">
                  <span className="text-xs font-semibold leading-tight">{roleName(r)}</span>
                  <span className="flex flex-wrap items-center gap-1">
                    {r.system ? (
                      <Badge variant="outline" title={t('role.builtInHelp')}>
                        <Lock className="mr-1 size-3" />
                        {t('role.builtIn')}
                      </Badge>
                    ) : (
                      <Badge variant="secondary">{t('role.custom')}</Badge>
                    )}
                    <span className="text-[11px] text-muted-foreground">{t('role.userCount', { count: r.userCount })}</span>
                  </span>
                  {p.canManage ? (
                    <span className="flex gap-0.5">
                      <Button
                        size="icon"
                        variant={p.dirty(r.id) ? 'default' : 'ghost'}
                        className="size-7"
                        disabled={!p.dirty(r.id) || p.saving === r.id}
                        onClick={() => p.onSave(r)}
                        aria-label={t('role.saveNamed', { name: roleName(r) })}
                        title={t('role.saveNamed', { name: roleName(r) })}
                      >
                        <Save />
                      </Button>
                      <Button
                        size="icon"
                        variant="ghost"
                        className="size-7"
                        disabled={!p.dirty(r.id) || p.saving === r.id}
                        onClick={() => p.onReset(r)}
                        aria-label={t('role.resetNamed', { name: roleName(r) })}
                        title={t('role.resetNamed', { name: roleName(r) })}
                      >
                        <RotateCcw />
                      </Button>
                      <Button size="icon" variant="ghost" className="size-7" onClick={() => p.onEdit(r)} aria-label={t('role.editNamed', { name: roleName(r) })} title={t('role.editNamed', { name: roleName(r) })}>
                        <Pencil />
                      </Button>
                      <Button
                        size="icon"
                        variant="ghost"
                        className="size-7"
                        disabled={r.system}
                        onClick={() => p.onDelete(r)}
                        aria-label={t('role.deleteNamed', { name: roleName(r) })}
                        title={r.system ? t('role.builtInHelp') : t('role.deleteNamed', { name: roleName(r) })}
                      >
                        <Trash2 className="text-destructive" />
                      </Button>
                    </span>
                  ) : null}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {modules.map((m) => (
            <ModuleRows key={m} module={m} {...p} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ModuleRows({ module, ...p }: MatrixProps & { module: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const perms = p.permissions.filter((x) => x.module === module);
  return (
    <>
      <tr className="border-b bg-muted/20">
        <th colSpan={p.roles.length + 1} scope="colgroup" className="sticky left-0 p-2 text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground">
          {t(`modules.${module}`, { defaultValue: module })}
        </th>
      </tr>
      {perms.map((perm) => (
        <tr key={perm.code} className="border-b hover:bg-muted/30">
          <th scope="row" className="sticky left-0 z-10 bg-card p-2 text-left font-normal">
            <div>{en ? perm.nameEn : perm.name}</div>
            <code className="text-[11px] text-muted-foreground">{perm.code}</code>
          </th>
          {p.roles.map((r) => (
            <td key={r.id} className="border-l p-2 text-center">
              <Checkbox
                checked={p.draft[r.id]?.has(perm.code) ?? false}
                disabled={!p.canManage || p.saving === r.id}
                onCheckedChange={(v) => p.onToggle(r.id, perm.code, v === true)}
                aria-label={`${en ? r.nameEn : r.name}: ${en ? perm.nameEn : perm.name}`}
              />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
