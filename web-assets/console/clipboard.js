// Copying a link: the Clipboard API where the browser offers it (https or localhost); otherwise the
// old copy command on a selection; and when even that fails, the text stays selected for Ctrl+C.

/** Selects the text of a node (an input's value, or an element's text). */
export function selectText(node) {
  if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) {
    node.focus();
    node.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Copies text; resolves 'copied' or 'selected' (the fallback left the text selected in node).
 * @param text what to copy
 * @param selectable a function returning the node whose text to select when the API is missing
 */
export async function copyText(text, selectable) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return 'copied';
    } catch {
      // refused (no permission, no focus): fall through to the selection
    }
  }
  const node = selectable();
  selectText(node);
  try {
    if (document.execCommand && document.execCommand('copy')) return 'copied';
  } catch {
    // not supported: the selection stays for the user
  }
  return 'selected';
}
