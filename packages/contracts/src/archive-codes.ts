import { z } from 'zod';

/** Code lists of the national 困难职工档案表, each with its Chinese label. Codes are stable; labels may be reworded. */
export function codeList<const T extends readonly string[]>(codes: T, zh: Record<T[number], string>) {
  return { codes, zh, schema: z.enum(codes) };
}

/** The ten national causes of difficulty (致困原因): one main and up to three secondary. */
export const causes = codeList(
  [
    'no_labour_capacity',
    'unemployed_able',
    'laid_off',
    'uninsured',
    'social_security_unpaid',
    'major_illness',
    'natural_disaster',
    'accident',
    'schooling',
    'other',
  ] as const,
  {
    no_labour_capacity: '无劳动能力',
    unemployed_able: '有劳动能力未就业',
    laid_off: '下岗失业',
    uninsured: '未参保',
    social_security_unpaid: '社保待遇未落实',
    major_illness: '重特大疾病',
    natural_disaster: '自然灾害',
    accident: '意外事故',
    schooling: '子女上学',
    other: '其他',
  },
);

/** Difficulty grades in both vocabularies (current: 深度/相对/意外致困; older: 特困/困难). */
export const grades = codeList(['deep', 'relative', 'accident', 'tekun', 'kunnan'] as const, {
  deep: '深度困难',
  relative: '相对困难',
  accident: '意外致困',
  tekun: '特困',
  kunnan: '困难',
});

/** The life of a file: filing workflow, then dynamic management. */
export const fileStatuses = codeList(
  [
    'draft',
    'submitted',
    'on_notice',
    'objection',
    'pending_approval',
    'filed',
    'rejected',
    'relieved',
    'exited',
    'cancelled',
  ] as const,
  {
    draft: '草稿',
    submitted: '待审核',
    on_notice: '公示中',
    objection: '异议核实中',
    pending_approval: '待上级审批',
    filed: '在档',
    rejected: '未通过',
    relieved: '已解困',
    exited: '已脱困',
    cancelled: '已注销',
  },
);

/** Statuses in which a person holds their one active file (一人一档): a second filing is refused. */
export const ACTIVE_FILE_STATUSES = [
  'draft',
  'submitted',
  'on_notice',
  'objection',
  'pending_approval',
  'filed',
  'relieved',
] as const;

/**
 * "In the archive": the statuses of a file that may receive money, goods or a certificate (在档, 已解困). The one
 * spelling of it; the money's refusal is FILE_NOT_IN_ARCHIVE.
 */
export const IN_ARCHIVE_STATUSES = ['filed', 'relieved'] as const;
export const isInArchive = (status: string) => (IN_ARCHIVE_STATUSES as readonly string[]).includes(status);

export const fileKinds = codeList(['full', 'temporary'] as const, { full: '正式档案', temporary: '临时救助档案' });
export const sexes = codeList(['male', 'female'] as const, { male: '男', female: '女' });
export const maritalStatuses = codeList(['unmarried', 'married', 'divorced', 'widowed'] as const, {
  unmarried: '未婚',
  married: '已婚',
  divorced: '离异',
  widowed: '丧偶',
});
export const healthStatuses = codeList(['healthy', 'chronic', 'major_illness', 'disabled', 'weak'] as const, {
  healthy: '健康',
  chronic: '慢性病',
  major_illness: '重大疾病',
  disabled: '残疾',
  weak: '体弱',
});
export const disabilityKinds = codeList(
  ['none', 'visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const,
  {
    none: '无',
    visual: '视力残疾',
    hearing: '听力残疾',
    speech: '言语残疾',
    physical: '肢体残疾',
    intellectual: '智力残疾',
    mental: '精神残疾',
    multiple: '多重残疾',
  },
);
export const workStatuses = codeList(
  ['employed', 'laid_off', 'unemployed', 'flexible', 'retired', 'no_capacity'] as const,
  {
    employed: '在岗',
    laid_off: '下岗',
    unemployed: '失业',
    flexible: '灵活就业',
    retired: '退休',
    no_capacity: '无劳动能力',
  },
);
export const educations = codeList(['junior_or_below', 'senior_high', 'college_or_above'] as const, {
  junior_or_below: '初中及以下',
  senior_high: '高中/中专',
  college_or_above: '大专及以上',
});
export const dibaoStatuses = codeList(['none', 'dibao', 'edge'] as const, {
  none: '非低保',
  dibao: '低保户',
  edge: '低保边缘户',
});
export const hukouTypes = codeList(['urban', 'rural'] as const, { urban: '城镇', rural: '农村' });
export const housingTypes = codeList(
  ['own', 'public_rental', 'private_rental', 'relatives', 'none', 'other'] as const,
  {
    own: '自有住房',
    public_rental: '公租房/廉租房',
    private_rental: '租住私房',
    relatives: '借住亲友',
    none: '无房',
    other: '其他',
  },
);
export const medicalInsurances = codeList(['employee', 'resident', 'none'] as const, {
  employee: '职工医保',
  resident: '城乡居民医保',
  none: '未参保',
});
export const relations = codeList(
  ['spouse', 'child', 'parent', 'parent_in_law', 'sibling', 'grandchild', 'grandparent', 'other'] as const,
  {
    spouse: '配偶',
    child: '子女',
    parent: '父母',
    parent_in_law: '岳父母/公婆',
    sibling: '兄弟姐妹',
    grandchild: '孙子女',
    grandparent: '祖父母',
    other: '其他',
  },
);
export const schoolings = codeList(
  ['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'postgraduate'] as const,
  {
    none: '未上学',
    preschool: '学前',
    primary: '小学',
    junior: '初中',
    senior: '高中',
    vocational: '中职/高职',
    college: '大学本专科',
    postgraduate: '研究生',
  },
);
