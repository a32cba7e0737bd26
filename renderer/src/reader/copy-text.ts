/**
 * Puts text on the clipboard. The async Clipboard API needs a permission the desktop app does
 * not grant, so a hidden text field and the copy command are the fallback.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    const previous = document.activeElement;
    document.body.append(field);
    field.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    field.remove();
    if (previous instanceof HTMLElement) previous.focus();
    return ok;
  }
}
