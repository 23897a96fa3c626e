import {
  causes,
  dibaoStatuses,
  disabilityKinds,
  educations,
  fileKinds,
  grades,
  healthStatuses,
  housingTypes,
  hukouTypes,
  maritalStatuses,
  relations,
  schoolings,
  workStatuses,
} from '@bangfu/contracts';
import { formatYuan, yuanToFen } from '@bangfu/policy';

/**
 * The spreadsheet layout of the archive (困难职工档案表, one row a household; 家庭成员, one row a member keyed
 * by the householder's ID). Import and export share it, so an exported list imports back.
 */
type CodeList = { codes: readonly string[]; zh: Record<string, string> };

export interface Column {
  header: string;
  /** The input field it fills (dot path into HouseholdInput). */
  field: string;
  kind: 'text' | 'code' | 'codes' | 'yuan' | 'bool' | 'number' | 'date';
  list?: CodeList;
  required?: boolean;
}

const col = (
  header: string,
  field: string,
  kind: Column['kind'] = 'text',
  list?: CodeList,
  required = false,
): Column => ({
  header,
  field,
  kind,
  list,
  required,
});

export const HOUSEHOLD_COLUMNS: Column[] = [
  col('姓名', 'name', 'text', undefined, true),
  col('身份证号', 'idNumber', 'text', undefined, true),
  col('档案类型', 'kind', 'code', fileKinds),
  col('民族', 'ethnicity'),
  col('政治面貌', 'politicalStatus'),
  col('手机号码', 'phone'),
  col('其他联系方式', 'otherContact'),
  col('邮政编码', 'postalCode'),
  col('家庭住址', 'address'),
  col('户口所在地', 'hukouDivision'),
  col('户口类型', 'hukouType', 'code', hukouTypes),
  col('婚姻状况', 'maritalStatus', 'code', maritalStatuses, true),
  col('健康状况', 'health', 'code', healthStatuses),
  col('残疾类别', 'disability', 'code', disabilityKinds),
  col('工作状态', 'workStatus', 'code', workStatuses, true),
  col('劳模类型', 'modelWorker'),
  col('文化程度', 'education', 'code', educations),
  col('住房类型', 'housingType', 'code', housingTypes),
  col('建筑面积', 'housingAreaM2', 'number'),
  col('参加工作时间', 'workStartDate', 'date'),
  col('所属行业', 'industry'),
  col('工作单位', 'employer'),
  col('单位性质', 'employerNature'),
  col('企业状况', 'enterpriseStatus'),
  col('是否单亲', 'singleParent', 'bool'),
  col('是否零就业家庭', 'zeroEmployment', 'bool'),
  col('低保情况', 'dibaoStatus', 'code', dibaoStatuses),
  col('主要致困原因', 'mainCause', 'code', causes, true),
  col('次要致困原因', 'secondaryCauses', 'codes', causes),
  col('工资性收入（元/年）', 'incomes.wagesFen', 'yuan'),
  col('经营净收入（元/年）', 'incomes.businessFen', 'yuan'),
  col('财产净收入（元/年）', 'incomes.propertyFen', 'yuan'),
  col('转移净收入（元/年）', 'incomes.transferFen', 'yuan'),
  col('其他收入（元/年）', 'incomes.otherIncomeFen', 'yuan'),
  col('医疗刚性支出（元/年）', 'incomes.medicalSpendingFen', 'yuan'),
  col('残疾刚性支出（元/年）', 'incomes.disabilitySpendingFen', 'yuan'),
  col('教育刚性支出（元/年）', 'incomes.schoolingSpendingFen', 'yuan'),
  col('住房刚性支出（元/年）', 'incomes.housingSpendingFen', 'yuan'),
  col('其他刚性支出（元/年）', 'incomes.otherSpendingFen', 'yuan'),
  col('意外致困损失（元/年）', 'incomes.hardshipLossFen', 'yuan'),
  col('开户银行', 'bank.bankName'),
  col('开户支行', 'bank.branch'),
  col('银行卡号', 'bank.cardNumber'),
  col('技能特长', 'skills'),
  col('就业意愿', 'jobWishes'),
  col('帮扶需求', 'needs'),
  col('思想动态', 'thoughts'),
  col('帮扶措施', 'measures'),
];

export const MEMBER_COLUMNS: Column[] = [
  col('户主身份证号', 'holderId', 'text', undefined, true),
  col('姓名', 'name', 'text', undefined, true),
  col('与户主关系', 'relation', 'code', relations, true),
  col('身份证号', 'idNumber'),
  col('婚姻状况', 'maritalStatus', 'code', maritalStatuses),
  col('健康状况', 'health', 'code', healthStatuses),
  col('残疾类别', 'disability', 'code', disabilityKinds),
  col('在读情况', 'schooling', 'code', schoolings),
  col('职业', 'occupation'),
  col('单位或学校', 'unitOrSchool'),
  col('月收入（元）', 'monthlyIncomeFen', 'yuan'),
];

const OWN_INCOME = '职工本人及不属于任何家庭成员的收入；家庭成员的收入填在「家庭成员」表的月收入中，勿重复填写';
/** What the template's 填写说明 adds to a column's format: whose income goes where (income test, issue 9). */
export const COLUMN_NOTES: Record<string, string> = {
  '工资性收入（元/年）': OWN_INCOME,
  '经营净收入（元/年）': OWN_INCOME,
  '财产净收入（元/年）': OWN_INCOME,
  '转移净收入（元/年）': OWN_INCOME,
  '其他收入（元/年）': OWN_INCOME,
  '月收入（元）': '该成员的工资、养老金、补贴等月收入；按家庭人口认定规则计入家庭人口的成员，月收入×12计入家庭收入',
};

/** 困难类别: imported with an existing archive (migration as 在档), exported with every file. */
export const GRADE_COLUMN: Column = col('困难类别', 'grade', 'code', grades);

/** Export-only columns in front of the importable ones. */
export const EXPORT_PREFIX = ['档案编号', '所属组织', '档案状态', '家庭人口', '家庭月人均收入（元）'];

/** Read one cell into its input value, or a problem in Chinese. */
export function readCell(c: Column, raw: string): { value?: unknown; problem?: string } {
  const v = raw.trim();
  if (v === '') return c.required ? { problem: '必填' } : {};
  switch (c.kind) {
    case 'text':
      return { value: v };
    case 'code': {
      const code = c.list?.codes.includes(v) ? v : Object.entries(c.list?.zh ?? {}).find(([, zh]) => zh === v)?.[0];
      return code
        ? { value: code }
        : { problem: `“${v}”不是有效选项（${Object.values(c.list?.zh ?? {}).join('、')}）` };
    }
    case 'codes': {
      const parts = v.split(/[、,，;；\s]+/).filter(Boolean);
      const out: string[] = [];
      for (const p of parts) {
        const r = readCell({ ...c, kind: 'code' }, p);
        if (r.problem) return r;
        out.push(r.value as string);
      }
      return { value: out };
    }
    case 'yuan':
      try {
        const fen = yuanToFen(v);
        return fen < 0 ? { problem: '金额不能为负' } : { value: fen };
      } catch {
        return { problem: `“${v}”不是有效金额（元）` };
      }
    case 'bool':
      if (['是', 'Y', 'y', '1', 'true'].includes(v)) return { value: true };
      if (['否', 'N', 'n', '0', 'false'].includes(v)) return { value: false };
      return { problem: '应填“是”或“否”' };
    case 'number':
      return Number.isFinite(Number(v)) ? { value: Number(v) } : { problem: `“${v}”不是数字` };
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
      return m
        ? { value: `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` }
        : { problem: '日期格式应为 2020-01-31' };
    }
  }
}

/** Write a value for export: codes as their Chinese labels, money in 元. */
export function writeCell(c: Column, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (c.kind) {
    case 'code':
      return c.list?.zh[String(value)] ?? String(value);
    case 'codes':
      return (value as string[]).map((x) => c.list?.zh[x] ?? x).join('、');
    case 'yuan':
      return formatYuan(Number(value)).replace(/,/g, '');
    case 'bool':
      return value ? '是' : '否';
    default:
      return String(value);
  }
}

/** Set a dot-path field on an object. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === undefined) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys.at(-1) as string] = value;
}

export function getPath(obj: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}
