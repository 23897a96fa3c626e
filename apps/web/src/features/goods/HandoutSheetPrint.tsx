import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, queryString } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { useCurrentUser } from '../auth/api';
import { numberParam, searchParam } from '../money/ui';
import { useHandoutSheet } from './api';
import { isoDate } from './ui';
import './goods-print.css';

/**
 * 物资发放签领表 (A4; ?orgId&from&to&item): every hand-out of the node's subtree in date order, with masked IDs,
 * who signed (the worker, or a listed family member and the relation) and the cadre. Printed in Chinese,
 * whatever the interface language.
 */
export function HandoutSheetPrint() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const orgId = numberParam('orgId') ?? me.orgId;
  const item = searchParam('item') ?? undefined;
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null]>(() => {
    const from = searchParam('from');
    const to = searchParam('to');
    return [from ? dayjs(from) : null, to ? dayjs(to) : null];
  });
  const filters = { from: isoDate(range[0]), to: isoDate(range[1]), item };
  const sheet = useHandoutSheet(orgId, filters);
  const d = sheet.data;
  const totals = new Map<string, { item: string; unit: string; quantity: number }>();
  for (const r of d?.rows ?? []) {
    const key = `${r.item}|${r.unit}`;
    const sum = totals.get(key) ?? { item: r.item, unit: r.unit, quantity: 0 };
    sum.quantity += r.quantity;
    totals.set(key, sum);
  }

  return (
    <>
      <Card className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/goods/movements${queryString({ orgId })}`)}>
            {t('goods.sheet.back')}
          </Button>
          <DatePicker.RangePicker
            value={range}
            allowEmpty={[true, true]}
            onChange={(v) => setRange([v?.[0] ?? null, v?.[1] ?? null])}
            aria-label={t('goods.movements.dates')}
          />
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!d}>
            {t('goods.sheet.print')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/goods/handout-sheet.xlsx', '物资发放签领表.xlsx', { orgId, ...filters }).catch((e: unknown) =>
                message.error(errorText(e)),
              )
            }
          >
            {t('goods.sheet.download')}
          </Button>
        </Space>
      </Card>
      {sheet.error && <Alert type="error" showIcon title={errorText(sheet.error)} className="no-print" />}
      {sheet.isPending && <Spin style={{ display: 'block', margin: 80 }} />}
      {d && (
        <div className="goods-sheet" data-testid="handout-sheet">
          <h1>{d.orgName}物资发放签领表</h1>
          <div className="goods-meta">
            <span>发放单位：{d.orgName}</span>
            {(filters.from || filters.to) && (
              <span>
                期间：{filters.from ?? ''} 至 {filters.to ?? ''}
              </span>
            )}
            {item && <span>物品：{item}</span>}
          </div>
          <table>
            <thead>
              <tr>
                <th style={{ width: '9mm' }}>序号</th>
                <th>姓名</th>
                <th>身份证号</th>
                <th>物品</th>
                <th>数量</th>
                <th>单位</th>
                <th>签领人</th>
                <th style={{ width: '22mm' }}>本人签字</th>
                <th>日期</th>
                <th>经办干部</th>
                <th style={{ width: '22mm' }}>干部签字</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.movementId} data-testid="handout-row">
                  <td>{r.seq}</td>
                  <td>{r.name}</td>
                  <td>{r.idMasked}</td>
                  <td>{r.item}</td>
                  <td className="goods-qty">{r.quantity}</td>
                  <td>{r.unit}</td>
                  <td className="goods-sign">{r.signedBy}</td>
                  <td />
                  <td>{r.date}</td>
                  <td>{r.cadre}</td>
                  <td />
                </tr>
              ))}
              {d.rows.length === 0 && (
                <tr>
                  <td colSpan={11} className="goods-empty">
                    （无发放记录）
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <p className="goods-note">
            合计：{d.rows.length}人次
            {[...totals.values()].map((s) => `；${s.item} ${s.quantity}${s.unit}`).join('')}
            。物资须由职工本人或档案所列家庭成员签领，不得代领。
          </p>
          <div className="goods-signatures">
            <span>经办人：</span>
            <span>审核人：</span>
            <span>负责人：</span>
            <span>日期：　　年　　月　　日</span>
          </div>
        </div>
      )}
    </>
  );
}
