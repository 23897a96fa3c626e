import type { KeyboardEvent } from 'react';

/**
 * Keyboard-first forms (the registration screen, typed into while on the phone): Enter moves to the next field,
 * Ctrl+Enter (⌘+Enter) saves. An open list (select, date panel) keeps Enter to pick; a text area keeps it for a new
 * line; buttons keep it to act; Enter that confirms a Chinese input method's candidate is left alone. After the
 * last field Enter goes to the save button.
 */
const FIELDS = [
  'input:not([type=hidden]):not([type=file]):not([disabled])',
  'textarea:not([disabled])',
  'button[role=switch]:not([disabled])',
].join(',');

function visible(el: HTMLElement) {
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

/** The fields of the container in order; of a radio group only its checked (or first) radio. */
export function fieldsOf(container: HTMLElement): HTMLElement[] {
  const all = [...container.querySelectorAll<HTMLElement>(FIELDS)].filter(
    // A date picker (the time received, rarely changed) is reached with Tab or the mouse, not in Enter's path.
    (el) => visible(el) && el.tabIndex >= 0 && !el.closest('[aria-hidden=true]') && !el.closest('.ant-picker'),
  );
  const seen = new Set<Element>();
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    const group = el.closest('.ant-radio-group');
    if (!group) return true;
    const checked = group.querySelector('input[type=radio]:checked');
    if (checked) return checked === el;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}

/** Focus the field after `from` (the save button after the last one). */
export function focusNext(container: HTMLElement, from: HTMLElement, last?: HTMLElement | null) {
  const fields = fieldsOf(container);
  const i = fields.findIndex((f) => f === from || f.contains(from));
  const radioGroup = from.closest('.ant-radio-group');
  const at = i >= 0 ? i : fields.findIndex((f) => radioGroup?.contains(f));
  const next = at >= 0 ? fields[at + 1] : undefined;
  (next ?? last)?.focus();
}

export function enterKeys(
  container: () => HTMLElement | null,
  save: () => void,
  saveButton?: () => HTMLElement | null,
) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      save();
      return;
    }
    const el = e.target as HTMLElement;
    const box = container();
    if (!box || e.shiftKey || e.altKey) return;
    if (el.tagName === 'TEXTAREA') return;
    if (el.tagName === 'BUTTON' && el.getAttribute('role') !== 'switch') return;
    if (el.getAttribute('role') === 'button') return;
    if (el.getAttribute('aria-expanded') === 'true') return;
    if (
      el.closest('.ant-picker-focused') &&
      document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
    )
      return;
    e.preventDefault();
    e.stopPropagation();
    focusNext(box, el, saveButton?.());
  };
}
