import type { HouseholdListItem } from '@bangfu/contracts';
import { Table, type TableProps, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../lib/router';
import { useCode } from '../codes';
import { yuan } from '../money';
import { GradeTag, StatusTag } from './StatusTag';

export type HouseholdColumn =
  | 'fileNo'
  | 'name'
  | 'id'
  | 'phone'
  | 'org'
  | 'status'
  | 'grade'
  | 'cause'
  | 'size'
  | 'perCapita'
  | 'notice'
  | 'nextReview'
  | 'updatedAt';

const DEFAULT: HouseholdColumn[] = [
  'fileNo',
  'name',
  'id',
  'phone',
  'org',
  'status',
  'grade',
  'cause',
  'size',
  'perCapita',
  'updatedAt',
];

/** Sortable columns and the server's sort key (HouseholdQuerySchema.sort). */
export const SORT_KEYS: Partial<Record<HouseholdColumn, 'pinyin' | 'fileNo' | 'updatedAt' | 'perCapita'>> = {
  name: 'pinyin',
  fileNo: 'fileNo',
  updatedAt: 'updatedAt',
  perCapita: 'perCapita',
};

interface Props extends Omit<TableProps<HouseholdListItem>, 'columns'> {
  columns?: HouseholdColumn[];
  sort?: { key: string; order: 'asc' | 'desc' };
  extra?: { title: string; width?: number; render: (h: HouseholdListItem) => ReactNode };
}

const day = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');

/** The table of households used by the list, the queues and the notice page: personal data masked. */
export function HouseholdTable({ columns = DEFAULT, sort, extra, ...rest }: Props) {
  const { t } = useTranslation();
  const code = useCode();
  const order = (c: HouseholdColumn) =>
    sort && SORT_KEYS[c] === sort.key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  const all: Record<HouseholdColumn, NonNullable<TableProps<HouseholdListItem>['columns']>[number]> = {
    fileNo: {
      key: 'fileNo',
      title: t('archive.field.fileNo'),
      dataIndex: 'fileNo',
      width: 150,
      sorter: true,
      sortOrder: order('fileNo'),
      render: (v: string, h) => (
        <Link to={`/archive/${h.id}`} data-testid="file-link">
          {v}
        </Link>
      ),
    },
    name: {
      key: 'name',
      title: t('archive.field.name'),
      dataIndex: 'name',
      width: 100,
      sorter: true,
      sortOrder: order('name'),
      render: (v: string, h) => <Link to={`/archive/${h.id}`}>{v}</Link>,
    },
    id: { key: 'id', title: t('archive.field.idNumber'), dataIndex: 'idMasked', width: 180 },
    phone: {
      key: 'phone',
      title: t('archive.field.phone'),
      dataIndex: 'phoneMasked',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    org: { key: 'org', title: t('archive.field.org'), dataIndex: 'orgName', width: 150, ellipsis: true },
    status: {
      key: 'status',
      title: t('archive.field.status'),
      dataIndex: 'status',
      width: 120,
      render: (v: string) => <StatusTag status={v} />,
    },
    grade: {
      key: 'grade',
      title: t('archive.field.grade'),
      dataIndex: 'grade',
      width: 100,
      render: (v: string | null) => <GradeTag grade={v} />,
    },
    cause: {
      key: 'cause',
      title: t('archive.field.mainCause'),
      dataIndex: 'mainCause',
      width: 120,
      render: (v: string) => code('cause', v),
    },
    size: { key: 'size', title: t('archive.field.householdSize'), dataIndex: 'householdSize', width: 80 },
    perCapita: {
      key: 'perCapita',
      title: t('archive.field.perCapita'),
      dataIndex: 'perCapitaMonthlyFen',
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: order('perCapita'),
      render: (v: number) => yuan(v),
    },
    notice: {
      key: 'notice',
      title: t('archive.field.noticePeriod'),
      width: 190,
      render: (_: unknown, h) => `${day(h.noticeStart)} ~ ${day(h.noticeEnd)}`,
    },
    nextReview: {
      key: 'nextReview',
      title: t('archive.field.nextReviewDue'),
      dataIndex: 'nextReviewDue',
      width: 110,
      render: (v: string | null) => day(v),
    },
    updatedAt: {
      key: 'updatedAt',
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: order('updatedAt'),
      render: (v: string) => <Typography.Text type="secondary">{dayjs(v).format('YYYY-MM-DD HH:mm')}</Typography.Text>,
    },
  };
  const cols = columns.map((c) => all[c]);
  if (extra)
    cols.push({ key: 'extra', title: extra.title, width: extra.width, render: (_: unknown, h) => extra.render(h) });
  return <Table<HouseholdListItem> rowKey="id" size="middle" scroll={{ x: 1100 }} columns={cols} {...rest} />;
}
