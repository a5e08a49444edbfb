// What a history entry can be restored through.
import type { CopyField, HistoryEntry, ProductFields } from '../ipc/types';

export type RestoreTarget = { kind: 'copy'; field: CopyField } | { kind: 'field'; key: keyof ProductFields };

const FIELD_KEYS: readonly (keyof ProductFields)[] = ['brand_en', 'brand_zh', 'origin', 'hs_code'];

/** The copy field a history field name stands for ("title", "title_zh", "description.zh-CN"…). */
export function copyFieldOf(field: string): CopyField | null {
  const base = field.toLowerCase().replace(/[._-]?(zh|zh-cn|zh_cn)$/, '');
  if (base === 'title') return 'title';
  if (base === 'short_title') return 'short_title';
  if (base === 'selling_points') return 'selling_points';
  if (base === 'description' || base === 'body' || base === 'body_html') return 'description';
  return null;
}

/**
 * Where Restore sends an entry's old text, or null when it can't be restored:
 * no old value, English copy (imported from Shopify, not ours to edit), or an
 * unknown field.
 */
export function restoreTarget(e: HistoryEntry): RestoreTarget | null {
  if (e.old === null) return null;
  const copy = copyFieldOf(e.field);
  if (copy) {
    const zh = e.locale === 'zh-CN' || (e.locale === null && /zh/i.test(e.field));
    return zh ? { kind: 'copy', field: copy } : null;
  }
  const key = FIELD_KEYS.find((k) => k === e.field);
  return key ? { kind: 'field', key } : null;
}

/** The id of the UI string naming a history field, or null for an unknown one. */
export function fieldLabelId(field: string): string | null {
  const copy = copyFieldOf(field);
  if (copy) return `ui-field-${copy.replace('_', '-')}`;
  if (field === 'product') return 'ui-field-product';
  if ((FIELD_KEYS as readonly string[]).includes(field)) return `ui-field-${field.replace('_', '-')}`;
  return null;
}
