import { Tag } from 'antd';
import { useCode } from '../codes';

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  on_notice: 'gold',
  objection: 'orange',
  pending_approval: 'purple',
  filed: 'success',
  rejected: 'error',
  relieved: 'cyan',
  exited: 'blue',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const code = useCode();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="file-status">
      {code('status', status)}
    </Tag>
  );
}

const GRADE_COLORS: Record<string, string> = {
  deep: 'red',
  tekun: 'red',
  relative: 'volcano',
  kunnan: 'volcano',
  accident: 'magenta',
};

export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const code = useCode();
  if (!grade) return <span>{code('grade', null)}</span>;
  return <Tag color={GRADE_COLORS[grade] ?? 'default'}>{code('grade', grade)}</Tag>;
}
