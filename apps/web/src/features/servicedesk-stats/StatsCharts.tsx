import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from './EChart';
import type { Stats } from './types';

/** The union's colours: red for what came in, grey for the period before, green for what was done. */
const RED = '#b8141d';
const GREY = '#bfbfbf';
const GREEN = '#389e0d';
const BLUE = '#1677ff';
const GOLD = '#d48806';

const font = { fontFamily: 'inherit' };
const CHANNEL_COLORS: Record<string, string> = {
  letter: GOLD,
  visit: BLUE,
  phone: GREEN,
  hotline_12351: RED,
  online: '#722ed1',
};

export function TrendChart({ s }: { s: Stats }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: font,
      color: [RED, GREEN, BLUE],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: s.trend.map((p) => p.label), axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: t('deskStats.chart.received'), type: 'bar', data: s.trend.map((p) => p.received), barMaxWidth: 18 },
        { name: t('deskStats.chart.closed'), type: 'bar', data: s.trend.map((p) => p.closed), barMaxWidth: 18 },
        {
          name: t('deskStats.chart.onTimeRate'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: s.trend.map((p) => (p.onTimeRateBp === null ? null : p.onTimeRateBp / 100)),
          tooltip: { valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
        },
      ],
    }),
    [s, t],
  );
  return <EChart option={option} height={280} testId="chart-trend" />;
}

export function CategoryChart({ s }: { s: Stats }) {
  const { t } = useTranslation();
  const rows = useMemo(() => s.byCategory.filter((c) => c.count > 0 || c.prev > 0), [s]);
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: font,
      color: [RED, GREY],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((c) => t(`deskStats.codes.category.${c.code}`, { defaultValue: c.label })),
      },
      series: [
        { name: t('deskStats.chart.current'), type: 'bar', data: rows.map((c) => c.count), barMaxWidth: 14 },
        { name: t('deskStats.chart.previous'), type: 'bar', data: rows.map((c) => c.prev), barMaxWidth: 14 },
      ],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={Math.max(200, 60 + rows.length * 36)} testId="chart-categories" />;
}

/** A ring of counts; each slice keeps its own colour, slices of 0 are left out. */
function Pie({ data, testId }: { data: { name: string; value: number; color: string }[]; testId: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: font,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'plain', itemWidth: 14, itemGap: 8 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '66%'],
          center: ['50%', '42%'],
          avoidLabelOverlap: true,
          label: { formatter: '{c}' },
          data: data
            .filter((d) => d.value > 0)
            .map((d) => ({ name: d.name, value: d.value, itemStyle: { color: d.color } })),
        },
      ],
    }),
    [data],
  );
  return <EChart option={option} height={260} testId={testId} />;
}

export function ChannelChart({ s }: { s: Stats }) {
  const { t } = useTranslation();
  const data = useMemo(
    () =>
      s.byChannel
        .filter((c) => c.count > 0)
        .map((c) => ({
          name: t(`deskStats.codes.channel.${c.code}`, { defaultValue: c.label }),
          value: c.count,
          color: CHANNEL_COLORS[c.code] ?? GREY,
        })),
    [s, t],
  );
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <Pie data={data} testId="chart-channels" />;
}

export function SatisfactionChart({ s }: { s: Stats }) {
  const { t } = useTranslation();
  const x = s.totals;
  const data = useMemo(
    () => [
      { name: t('deskStats.chart.satisfied'), value: x.satisfied, color: GREEN },
      { name: t('deskStats.chart.basically'), value: x.basically, color: GOLD },
      { name: t('deskStats.chart.unsatisfied'), value: x.unsatisfied, color: RED },
    ],
    [x, t],
  );
  if (x.callbacks === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskStats.chart.noCallbacks')} />;
  return <Pie data={data} testId="chart-satisfaction" />;
}
