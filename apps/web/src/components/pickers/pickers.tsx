import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { systemAssetEntities, type TObligationOption, type TRisk, type TSystemAssetEntity } from '@persada/shared';
import { NativeSelect } from '@/components/ui/input';
import { api, type Page } from '@/lib/api';
import { Combobox, type PickerOption } from './combobox';

/* Pickers shared by the GRC features (features must not import each other): each searches the
 * owning module's API and yields { id, label }; the server checks the id and stores the label. */

/** Register path under /api/systems/ and page route of each electronic-system kind. */
export const systemRegisters: Record<TSystemAssetEntity, { path: string; href: (id: string) => string }> = {
  sys_application: { path: 'applications', href: (id) => `/sistem/aplikasi/${id}` },
  sys_device: { path: 'devices', href: () => '/sistem/perangkat' },
  sys_database: { path: 'databases', href: () => '/sistem/basis-data' },
  sys_security_asset: { path: 'security-assets', href: () => '/sistem/aset-keamanan' },
};

type Common = { id: string; label?: React.ReactNode; description?: React.ReactNode; error?: string; disabled?: boolean; className?: string };

export type SystemValue = { entity: TSystemAssetEntity; id: string; label: string } | null;

/** An electronic system (application, server/network device, database, security ICT asset). */
export function SystemPicker({ value, onChange, ...p }: Common & { value: SystemValue; onChange: (v: SystemValue) => void }) {
  const { t } = useTranslation();
  const [entity, setEntity] = React.useState<TSystemAssetEntity>(value?.entity ?? 'sys_application');
  React.useEffect(() => {
    if (value?.entity) setEntity(value.entity);
  }, [value?.entity]);
  const path = systemRegisters[entity].path;
  return (
    <div className={`grid gap-2 sm:grid-cols-[12rem_1fr] ${p.className ?? ''}`}>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${p.id}-kind`} className="text-sm font-medium">
          {t('pickers.system.kind')}
        </label>
        <NativeSelect
          id={`${p.id}-kind`}
          value={entity}
          disabled={p.disabled}
          onChange={(e) => {
            setEntity(e.target.value as TSystemAssetEntity);
            if (value) onChange(null);
          }}
        >
          {systemAssetEntities.map((k) => (
            <option key={k} value={k}>
              {t(`pickers.system.kinds.${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Combobox
        id={p.id}
        label={p.label ?? t('pickers.system.label')}
        description={p.description}
        error={p.error}
        disabled={p.disabled}
        value={value ? { id: value.id, label: value.label } : null}
        onChange={(o) => onChange(o ? { entity, id: o.id, label: o.label } : null)}
        queryKey={['systems', path]}
        search={async (q) => {
          const page = await api.get<Page<{ id: string; name: string; opdName: string }>>(`/api/systems/${path}`, { q: q || undefined, pageSize: 20 });
          return page.items.map((r) => ({ id: r.id, label: r.name, hint: r.opdName }));
        }}
      />
    </div>
  );
}

/** A risk of the register, labelled "R-<year>-<seq> event". */
export function RiskPicker({ value, onChange, ...p }: Common & { value: PickerOption | null; onChange: (v: PickerOption | null) => void }) {
  const { t } = useTranslation();
  return (
    <Combobox
      {...p}
      label={p.label ?? t('pickers.risk.label')}
      value={value}
      onChange={onChange}
      queryKey={['risks']}
      search={async (q) => {
        const page = await api.get<Page<TRisk>>('/api/risks', { q: q || undefined, pageSize: 20 });
        return page.items.map((r) => ({ id: r.id, label: `${r.code} ${r.event}`, hint: `${r.opdName} · ${r.current.levelName}` }));
      }}
    />
  );
}

/** An obligation of the regulation library: regulation code, Pasal, text. */
export function ObligationPicker({ value, onChange, ...p }: Common & { value: PickerOption | null; onChange: (v: PickerOption | null) => void }) {
  const { t } = useTranslation();
  return (
    <Combobox
      {...p}
      label={p.label ?? t('pickers.obligation.label')}
      value={value}
      onChange={onChange}
      queryKey={['compliance', 'obligations']}
      search={async (q) => {
        const rows = await api.get<TObligationOption[]>('/api/compliance/obligations', { q: q || undefined, limit: 20 });
        return rows.map((o) => ({ id: o.id, label: o.label }));
      }}
    />
  );
}
