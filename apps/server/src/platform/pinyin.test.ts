import { describe, expect, it } from 'vitest';
import { pinyinInitials, pinyinSortKey } from './pinyin.js';

describe('pinyin sort keys', () => {
  it('sorts surnames by their surname reading (曾 zeng, 单 shan)', () => {
    expect(pinyinSortKey('曾小明', { surname: true })).toBe('zeng xiao ming');
    expect(pinyinSortKey('单田芳', { surname: true })).toBe('shan tian fang');
    const names = ['张三', '曾小明', '安然', '单田芳', '李四'];
    const sorted = [...names].sort((a, b) =>
      pinyinSortKey(a, { surname: true }) < pinyinSortKey(b, { surname: true }) ? -1 : 1,
    );
    expect(sorted).toEqual(['安然', '李四', '单田芳', '曾小明', '张三']);
  });

  it('gives initials for search', () => {
    expect(pinyinInitials('张三丰')).toBe('zsf');
  });
});
