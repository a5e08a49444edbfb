import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../ipc/types';
import { copyFieldOf, fieldLabelId, restoreTarget } from './history';

const entry = (p: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  at: '2025-06-01T10:00:00Z',
  handle: 'rainier-cherries-gift-box',
  field: 'title',
  locale: 'zh-CN',
  old: '旧标题',
  new: '新标题',
  source: 'edit',
  ...p,
});

describe('restoreTarget', () => {
  it('restores Chinese copy through set_copy', () => {
    expect(restoreTarget(entry({}))).toEqual({ kind: 'copy', field: 'title' });
    expect(restoreTarget(entry({ field: 'description' }))).toEqual({ kind: 'copy', field: 'description' });
    expect(restoreTarget(entry({ field: 'title_zh', locale: null }))).toEqual({ kind: 'copy', field: 'title' });
  });
  it('does not restore English copy or entries without an old value', () => {
    expect(restoreTarget(entry({ locale: 'en' }))).toBeNull();
    expect(restoreTarget(entry({ old: null }))).toBeNull();
  });
  it('restores product fields through set_product_fields', () => {
    expect(restoreTarget(entry({ field: 'brand_zh', locale: null }))).toEqual({ kind: 'field', key: 'brand_zh' });
    expect(restoreTarget(entry({ field: 'vendor', locale: null }))).toBeNull();
  });
});

describe('labels', () => {
  it('maps field names to UI ids', () => {
    expect(copyFieldOf('description.zh-CN')).toBe('description');
    expect(fieldLabelId('hs_code')).toBe('ui-field-hs-code');
    expect(fieldLabelId('title')).toBe('ui-field-title');
    expect(fieldLabelId('weird')).toBeNull();
  });
});
