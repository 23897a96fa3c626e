import { type Role, roleLabels, roles } from '@bangfu/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../i18n';

const colors: Partial<Record<Role, string>> = {
  admin: 'red',
  intake_clerk: 'blue',
  reviewer: 'cyan',
  approver: 'purple',
  finance: 'gold',
  auditor: 'geekblue',
  worker: 'green',
};

export function RoleTags({ value }: { value: readonly Role[] }) {
  const label = useLabel();
  return (
    <>
      {value.map((r) => (
        <Tag key={r} color={colors[r] ?? 'default'} style={{ marginBlock: 2 }}>
          {label(roleLabels[r])}
        </Tag>
      ))}
    </>
  );
}

/** Role options with the contracts' labels, for selects. */
export function useRoleOptions() {
  const label = useLabel();
  return roles.map((r) => ({ value: r, label: label(roleLabels[r]) }));
}
